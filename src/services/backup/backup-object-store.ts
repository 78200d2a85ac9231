// The object store a backup reads evidence from, or a restore writes it to: the one the node's
// configuration selects (its data dir, or an S3 bucket), as for the node itself.
import type { Config } from '../../config.js';
import { objectStoreFor } from '../../storage/object-store/object-store-for.js';

export const backupObjectStore = (config: Config) => objectStoreFor(config);
