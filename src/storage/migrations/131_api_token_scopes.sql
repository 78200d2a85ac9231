-- API tokens get a scope and always an expiry (docs/security.md ("Authentication and sessions"), src/domain/user/token-scope.ts).
-- Tokens made before: scope `full` (what they could do so far), and an expiry of 90 days from this
-- upgrade when they had none (time to replace them), never more than 365 days from it (the default
-- apiTokenMaxDays); an earlier expiry is kept.
ALTER TABLE api_tokens ADD COLUMN scope text NOT NULL DEFAULT 'full' CHECK (scope IN ('read_only', 'taxii_only', 'full'));
ALTER TABLE api_tokens ALTER COLUMN scope DROP DEFAULT;
UPDATE api_tokens SET expires_at = LEAST(COALESCE(expires_at, now() + interval '90 days'), now() + interval '365 days');
ALTER TABLE api_tokens ALTER COLUMN expires_at SET NOT NULL;
