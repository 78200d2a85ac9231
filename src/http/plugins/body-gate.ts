// Keeps request bodies out until the request is allowed in. Authentication, the route permission
// (auth.ts) and any other onRequest refusal (rate limits) run before Fastify reads a body; this
// module makes sure the client is not invited to send one meanwhile and does not go on sending one
// after a refusal:
// - `Expect: 100-continue` is answered with 100 only when the body is about to be read (preParsing,
//   after every onRequest hook passed), not by Node the moment the headers arrive;
// - a response sent while the body is still unread closes the connection (`Connection: close`),
//   so Node neither reads and discards the rest nor leaves a keep-alive socket stalled on it.
import type { FastifyInstance } from 'fastify';

export function registerBodyGate(app: FastifyInstance): void {
  // With a listener, Node leaves `100 Continue` to the application (raw server: inject() has none).
  app.server?.on('checkContinue', (req, res) => {
    app.server.emit('request', req, res);
  });
  app.addHook('preParsing', async (request, reply, payload) => {
    const expect = request.headers.expect;
    const raw = reply.raw as { writeContinue?: () => void; headersSent?: boolean };
    if (
      typeof expect === 'string' &&
      expect.toLowerCase() === '100-continue' &&
      typeof raw.writeContinue === 'function' &&
      !raw.headersSent
    ) {
      raw.writeContinue();
    }
    return payload;
  });
  app.addHook('onSend', async (request, reply) => {
    // `complete` is false while a body is still on its way (undefined under inject()).
    if (request.raw.complete === false) void reply.header('connection', 'close');
  });
}
