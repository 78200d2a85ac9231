-- STIX identifiers compare case-insensitively (an upper-case hex UUID names the same object as its
-- lower-case form; the id is stored as received). Uniqueness of a version and lookups by id use
-- lower(stix_id), so the same object sent once in each case is one object, not two.
DROP INDEX IF EXISTS intel_objects_version_key;
CREATE UNIQUE INDEX intel_objects_version_key ON intel_objects(collection_id, lower(stix_id), modified);
DROP INDEX IF EXISTS intel_objects_id_idx;
CREATE INDEX intel_objects_id_idx ON intel_objects(lower(stix_id));
