// Node configuration: environment variables map to settings and bad values are refused by name.
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

const dataDir = '/nonexistent/crossline-config-test';

describe('loadConfig', () => {
  it('reads the PostgreSQL pool size from the environment, 10 by default', () => {
    expect(loadConfig({ dataDir }, {}).databasePoolSize).toBe(10);
    expect(loadConfig({ dataDir }, { CROSSLINE_DATABASE_POOL_SIZE: '4' }).databasePoolSize).toBe(4);
  });

  it('refuses a pool size that is not a positive whole number, naming the setting', () => {
    for (const bad of ['0', '-3', '2.5', 'many']) {
      expect(() => loadConfig({ dataDir }, { CROSSLINE_DATABASE_POOL_SIZE: bad }), bad).toThrow(/databasePoolSize/);
    }
  });

  it('keeps evidence on disk by default and reads the S3 store settings from the environment', () => {
    expect(loadConfig({ dataDir }, {}).objectStore).toBe('disk');
    const c = loadConfig(
      { dataDir },
      {
        CROSSLINE_OBJECT_STORE: 's3',
        CROSSLINE_S3_BUCKET: 'unit-evidence',
        CROSSLINE_S3_ENDPOINT: 'http://127.0.0.1:9000',
        CROSSLINE_S3_REGION: 'eu-central-1',
        CROSSLINE_S3_PREFIX: 'cn-mps/node-1',
        CROSSLINE_S3_FORCE_PATH_STYLE: 'false',
      },
    );
    expect(c).toMatchObject({
      objectStore: 's3',
      s3Bucket: 'unit-evidence',
      s3Endpoint: 'http://127.0.0.1:9000',
      s3Region: 'eu-central-1',
      s3Prefix: 'cn-mps/node-1',
      s3ForcePathStyle: false,
    });
    expect(loadConfig({ dataDir }, { CROSSLINE_S3_FORCE_PATH_STYLE: 'true' }).s3ForcePathStyle).toBe(true);
  });

  it('refuses an S3 store without a bucket and bad S3 values, naming the setting', () => {
    expect(() => loadConfig({ dataDir }, { CROSSLINE_OBJECT_STORE: 's3' })).toThrow(
      /s3Bucket: required when objectStore is s3/,
    );
    expect(() => loadConfig({ dataDir }, { CROSSLINE_OBJECT_STORE: 'ftp' })).toThrow(/objectStore/);
    expect(() => loadConfig({ dataDir }, { CROSSLINE_S3_ENDPOINT: 'not a url' })).toThrow(/s3Endpoint/);
    expect(() => loadConfig({ dataDir }, { CROSSLINE_S3_FORCE_PATH_STYLE: 'perhaps' })).toThrow(/s3ForcePathStyle/);
    for (const bad of ['/abs', '../up', 'a/../b', 'a//b', 'a/./b', 'sp ace']) {
      expect(() => loadConfig({ dataDir }, { CROSSLINE_S3_PREFIX: bad }), bad).toThrow(/s3Prefix/);
    }
  });
});
