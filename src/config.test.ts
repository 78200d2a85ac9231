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
});
