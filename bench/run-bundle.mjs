// Runs the bundled server (dist/server/crossline.mjs) as bin/crossline.js does, but without its
// "is a source newer?" check: benchmarks measure the build made at their start, even while sources
// are being edited. Built by `npm run bench` (scripts/build-server.js) before any figure is taken.
process.setSourceMapsEnabled(true);
const { main } = await import('../dist/server/crossline.mjs');
process.exitCode = await main(process.argv);
