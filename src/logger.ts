// Structured JSON logs (pino); secrets and tokens are redacted wherever they might appear.
import pino, { type Logger } from 'pino';

export function createLogger(level: string, nodeId: string): Logger {
  return pino({
    level,
    base: { node: nodeId },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        '*.password',
        '*.token',
        '*.totp',
        'password',
        'token',
      ],
      censor: '[redacted]',
    },
  });
}
