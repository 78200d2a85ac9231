-- The request list (listRequests: soonest deadline first, then the latest change) reads its page from
-- this index in order and stops after the page, instead of sorting every row the node holds
-- (docs/performance.md, "List 50 of 2,000"). The visibility filter is checked on the rows read.
CREATE INDEX IF NOT EXISTS requests_list_order_idx ON requests ((next_deadline_at IS NULL), next_deadline_at, updated_at DESC);
