import { createNode, peerAll, peerHealth, pingsFrom } from '/work/main/test/federation/support/cluster.ts';
const store = (process.argv[2] ?? 'pglite') as 'pglite';
const [tx, rx] = await Promise.all([createNode({ id: 'cn-l', country: 'CN', store }), createNode({ id: 'us-l', country: 'US', store })]);
await Promise.all([tx.start(), rx.start()]);
await peerAll([tx, rx]);
await tx.api('POST', '/api/federation/peers/us-l/ping', { count: 200 });
for (const rate of [50, 100, 200]) {
  const total = rate * 5; const lat: number[] = [];
  const start = performance.now(); const inflight: Promise<unknown>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + i * 1000 / rate; const w = due - performance.now(); if (w > 0) await new Promise(r => setTimeout(r, w));
    const s = performance.now();
    inflight.push(tx.api('POST', '/api/federation/peers/us-l/ping', { count: 1 }).then(() => lat.push(performance.now() - s)));
  }
  await Promise.all(inflight);
  const sendEnd = performance.now();
  const before = (await pingsFrom(rx, 'cn-l'))!.count;
  for (;;) { const c = await pingsFrom(rx, 'cn-l'); if (c!.count >= 200 + (rate === 50 ? 250 : rate === 100 ? 750 : 1750)) break; await new Promise(r => setTimeout(r, 20)); }
  lat.sort((a, b) => a - b);
  const h = await peerHealth(tx, 'us-l');
  console.log(rate, 'api p50', lat[Math.floor(lat.length/2)]!.toFixed(1), 'api p99', lat[Math.floor(lat.length*0.99)]!.toFixed(1), 'send duration', ((sendEnd-start)/1000).toFixed(2), 'drain ms', (performance.now()-sendEnd).toFixed(0), 'lat', JSON.stringify(h.latencyMs), 'before', before);
}
await tx.cleanup(); await rx.cleanup();
