// What every use case receives: the store, the clock, the node's secrets and configuration.
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { NodeSecrets } from '../security/node-secrets.js';
import type { Db } from '../storage/db.js';

export type Clock = () => Date;

export type ServiceContext = {
  db: Db;
  config: Config;
  secrets: NodeSecrets;
  clock: Clock;
  logger: Logger;
  /**
   * This process's liveness key (src/storage/process-liveness.ts), stamped on work it claims so that
   * another process takes the work over the moment this one is gone. Absent in one-shot CLI commands.
   */
  processOwner?: number;
};
