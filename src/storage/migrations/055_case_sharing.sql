-- Case sharing across the federation (docs/spec.md §4.4): a later share of the same case finds the local copy
-- by (sender, sender's case id); received request evidence finds the case linked to its request.
CREATE INDEX cases_shared_from_idx ON cases ((doc->'sharedFrom'->>'party'), (doc->'sharedFrom'->>'caseId'));
CREATE INDEX cases_linked_requests_idx ON cases USING gin ((doc->'linkedRequestIds'));
