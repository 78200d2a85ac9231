-- Claims name the process that holds them (its liveness lock, see src/storage/process-liveness.ts),
-- so work of a process that died is taken over at once rather than when a lease times out.
ALTER TABLE federation_outbox ADD COLUMN lease_owner bigint;
ALTER TABLE taxii_feeds ADD COLUMN running_owner bigint;
