-- Delivery latency per peer reads each peer's most recent sent messages (docs/federation.md §20):
-- the federation page polls it for every peer every 15 s, and the outbox keeps every sent row, so
-- the newest 1,000 per peer are read from this index instead of sorting all of a peer's sent rows.
CREATE INDEX IF NOT EXISTS federation_outbox_sent_idx ON federation_outbox (peer_id, sent_at DESC) WHERE state = 'sent';
