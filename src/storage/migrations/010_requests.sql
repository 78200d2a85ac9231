-- Requests for assistance (docs/spec.md §2): the domain record in `doc`, with columns for lists and deadlines.
CREATE TABLE requests (
  id text PRIMARY KEY,
  version integer NOT NULL,
  doc jsonb NOT NULL,
  reference text NOT NULL UNIQUE,
  status text NOT NULL,
  type text NOT NULL,
  urgency text NOT NULL,
  confidentiality text NOT NULL,
  requesting_party text NOT NULL,
  requested_party text NOT NULL,
  case_ref text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  submitted_at timestamptz,
  next_deadline_at timestamptz,
  next_check_at timestamptz
);
CREATE INDEX requests_status_idx ON requests(status, updated_at DESC);
CREATE INDEX requests_parties_idx ON requests(requesting_party, requested_party);
CREATE INDEX requests_next_check_idx ON requests(next_check_at) WHERE next_check_at IS NOT NULL;
