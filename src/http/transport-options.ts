// The Fastify server options that depend on how the node is reached: which reverse proxies are
// trusted with X-Forwarded-* (config `trustProxy`), and native HTTPS (`tlsCertFile` + `tlsKeyFile`).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createSecureContext } from 'node:tls';
import type { FastifyServerOptions } from 'fastify';
import type { Config } from '../config.js';

export type TlsFiles = { cert: Buffer; key: Buffer };

function readPem(option: string, file: string): Buffer {
  try {
    return readFileSync(path.resolve(file));
  } catch (e) {
    throw new Error(`${option}: cannot read ${file}: ${(e as Error).message}`, { cause: e });
  }
}

/** The certificate and key named by the configuration, checked to belong together; null without TLS. */
export function loadTlsFiles(config: Pick<Config, 'tlsCertFile' | 'tlsKeyFile'>): TlsFiles | null {
  if (!config.tlsCertFile || !config.tlsKeyFile) return null;
  const files = { cert: readPem('tlsCertFile', config.tlsCertFile), key: readPem('tlsKeyFile', config.tlsKeyFile) };
  try {
    // Fails at start, with the reason, on a key that does not match the certificate or a bad PEM.
    createSecureContext(files);
  } catch (e) {
    throw new Error(`tlsCertFile/tlsKeyFile: ${(e as Error).message}`, { cause: e });
  }
  return files;
}

/**
 * `trustProxy`: only requests arriving from the listed proxies have X-Forwarded-For/-Proto/-Host
 * honoured (Fastify's option, proxy-addr rules), so a client cannot choose its own address for the
 * rate limits by sending the header itself. `https`: native TLS. The declared type leaves `https`
 * out on purpose: with it Fastify's types describe an https server, while the app is used the same
 * way either way (listen, inject, address, close).
 */
export function transportOptions(config: Config): Pick<FastifyServerOptions, 'trustProxy'> {
  const options: Pick<FastifyServerOptions, 'trustProxy'> & { https?: TlsFiles } = {
    trustProxy: config.trustProxy.length > 0 ? config.trustProxy : false,
  };
  const tls = loadTlsFiles(config);
  if (tls) options.https = tls;
  return options;
}
