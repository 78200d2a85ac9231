-- TAXII API roots (docs/spec.md §5.2): each collection is served under one API root (/taxii2/<api_root>/).
-- A root exists while it holds a collection; 'api' (the default) always exists. Roots let a node
-- group collections, e.g. one root per partner group or programme, each with its own URL.
ALTER TABLE intel_collections ADD COLUMN api_root text NOT NULL DEFAULT 'api';
CREATE INDEX intel_collections_api_root_idx ON intel_collections(api_root);
