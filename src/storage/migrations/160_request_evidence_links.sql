-- Reading a request's evidence and cases (the request page's "Evidence" and "Cases" panels): the
-- items filed for a request and the cases linked to it, without scanning every row.
CREATE INDEX IF NOT EXISTS case_evidence_request_idx ON case_evidence ((doc->>'requestId')) WHERE doc->>'requestId' IS NOT NULL;
CREATE INDEX IF NOT EXISTS cases_linked_requests_idx ON cases USING gin ((doc->'linkedRequestIds'));
