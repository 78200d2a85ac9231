-- Screenshots sent ahead of their report (POST /api/public/reports/attachments), one file per request,
-- so the report itself stays a small JSON body. Sealed like report attachments (AES-256-GCM, wrapped
-- data key) under the id the file will have as an attachment, so the submission moves the ciphertext
-- into public_report_attachments with one INSERT … SELECT, without decrypting or re-reading it.
-- A file not claimed by a report within an hour is removed by the housekeeping sweep.
CREATE TABLE public_report_uploads (
  token_hash text PRIMARY KEY,                 -- SHA-256 of the upload token, which only the reporter holds
  attachment_id text NOT NULL UNIQUE,          -- its id (and AAD) as a report attachment
  filename text NOT NULL,                      -- cleaned; '' when none was given
  media_type text NOT NULL,                    -- from the file's magic bytes, not its name
  size integer NOT NULL,
  sha256 text NOT NULL,                        -- of the plaintext
  encryption jsonb NOT NULL,
  ciphertext bytea NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX public_report_uploads_created_idx ON public_report_uploads(created_at);
