import { createNode, peerAll, peerHealth } from '/work/main/test/federation/support/cluster.ts';
const [tx, rx] = await Promise.all([createNode({ id: 'cn-l', country: 'CN', store: 'pglite' }), createNode({ id: 'us-l', country: 'US', store: 'pglite' })]);
await Promise.all([tx.start(), rx.start()]);
await peerAll([tx, rx]);
const rate = 20, total = 60;
const lat: number[] = [];
for (let i = 0; i < total; i++) {
  const s = performance.now();
  await tx.api('POST', '/api/federation/peers/us-l/ping', { count: 1 });
  lat.push(performance.now() - s);
  await new Promise(r => setTimeout(r, 1000 / rate));
}
await new Promise(r => setTimeout(r, 1000));
console.log('api', lat.map(x => x.toFixed(0)).join(' '));
const out = await tx.api('GET', '/api/federation/outbox?peer=us-l&limit=60');
console.log(out.body.items.map((m: any) => (Date.parse(m.sentAt) - Date.parse(m.createdAt))).reverse().join(' '));
await tx.cleanup(); await rx.cleanup();
