-- Public reporting (docs/spec.md §6): reports filed by victims through the public form, their encrypted
-- screenshots, and the indicators taken from them for de-duplication and correlation.
-- The report itself is a versioned document (doc) like requests and cases; the columns below are
-- what the triage queue filters and sorts on. Personal data lives only in doc, never in the audit.
CREATE TABLE public_reports (
  id text PRIMARY KEY,
  version integer NOT NULL,
  doc jsonb NOT NULL,
  receipt text NOT NULL UNIQUE,                -- e.g. CL-2026-7K3M9Q (counter + check character)
  -- SHA-256 of receipt + status-check code: the code is shown once to the reporter, never stored.
  code_hash text NOT NULL,
  category text NOT NULL,                      -- fraud | illegal_content | other
  status text NOT NULL,                        -- received | under_review | forwarded | closed | duplicate
  submitted_at timestamptz NOT NULL,
  duplicate_of text REFERENCES public_reports(id),
  case_id text REFERENCES cases(id),
  -- HMAC of the client IP under a node key: lets triage see repeated senders without keeping the IP.
  client_ip_hash text NOT NULL
);
CREATE INDEX public_reports_queue_idx ON public_reports(status, submitted_at DESC);
CREATE INDEX public_reports_submitted_idx ON public_reports(submitted_at DESC);

-- Screenshots: AES-256-GCM ciphertext under a fresh data key wrapped by the master key (the
-- evidence scheme of domain/case/evidence-crypto.ts), bound to the attachment id.
CREATE TABLE public_report_attachments (
  id text PRIMARY KEY,
  report_id text NOT NULL REFERENCES public_reports(id),
  position integer NOT NULL,
  filename text NOT NULL,
  media_type text NOT NULL,                    -- from the file's magic bytes, not its name
  size integer NOT NULL,
  sha256 text NOT NULL,                        -- of the plaintext
  encryption jsonb NOT NULL,
  ciphertext bytea NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX public_report_attachments_report_idx ON public_report_attachments(report_id, position);

-- Indicators per report in canonical form (the case observable normalizers), for duplicate
-- suggestions ("same suspect phone") and for turning reports into case observables.
CREATE TABLE public_report_indicators (
  report_id text NOT NULL REFERENCES public_reports(id),
  type text NOT NULL,
  value text NOT NULL,
  display text NOT NULL,
  source text NOT NULL,                        -- narrative | payment | contact
  PRIMARY KEY (report_id, type, value)
);
CREATE INDEX public_report_indicators_value_idx ON public_report_indicators(type, value);
