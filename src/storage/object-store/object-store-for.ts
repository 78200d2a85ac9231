// The evidence store a node's configuration names, made once per configuration object so every use
// case of a process shares one S3 client (and its connection pool) instead of building its own.
import type { Config } from '../../config.js';
import { createDiskObjectStore } from './disk-object-store.js';
import type { ObjectStore } from './object-store.js';
import { createS3ObjectStore } from './s3-object-store.js';

type StoreConfig = Pick<
  Config,
  'dataDir' | 'objectStore' | 's3Bucket' | 's3Endpoint' | 's3Region' | 's3Prefix' | 's3ForcePathStyle'
>;

const stores = new WeakMap<StoreConfig, ObjectStore>();

export function objectStoreFor(config: StoreConfig): ObjectStore {
  let store = stores.get(config);
  if (!store) {
    store = createObjectStore(config);
    stores.set(config, store);
  }
  return store;
}

export function createObjectStore(config: StoreConfig): ObjectStore {
  if (config.objectStore !== 's3') return createDiskObjectStore(config.dataDir);
  // loadConfig refuses s3 without a bucket; this guards configurations built by hand.
  if (!config.s3Bucket) throw new Error('objectStore s3 needs s3Bucket');
  return createS3ObjectStore({
    bucket: config.s3Bucket,
    endpoint: config.s3Endpoint,
    region: config.s3Region,
    prefix: config.s3Prefix,
    forcePathStyle: config.s3ForcePathStyle,
  });
}
