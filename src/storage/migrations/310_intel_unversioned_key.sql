-- An object without a version (an SCO: no `modified`, no `created`) is stored once per collection: a
-- later copy of the same id is a duplicate (docs/intel-stix.md "Import"). That rule was a NOT EXISTS
-- probe in the insert, which the planner could turn into a scan of the whole collection for every
-- batch — an import that slowed down as the collection grew (docs/performance.md). A partial unique
-- index states it instead: the insert's ON CONFLICT checks it by an index probe, and two imports at
-- once can no longer both store the same object.
ALTER TABLE intel_objects ADD COLUMN unversioned boolean NOT NULL DEFAULT false;
-- Rows stored before: the first copy of each unversioned id takes the key (a later copy, if two
-- imports ever raced, stays as it was, outside the key).
UPDATE intel_objects o SET unversioned = true
WHERE NOT (o.object ? 'modified') AND NOT (o.object ? 'created')
  AND NOT EXISTS (
    SELECT 1 FROM intel_objects p
    WHERE p.collection_id = o.collection_id AND lower(p.stix_id) = lower(o.stix_id) AND p.seq < o.seq
  );
CREATE UNIQUE INDEX intel_objects_unversioned_key ON intel_objects(collection_id, lower(stix_id)) WHERE unversioned;
