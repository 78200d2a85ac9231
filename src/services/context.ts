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
};
