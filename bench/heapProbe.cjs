// Loaded with `node --expose-gc --require bench/heapProbe.cjs` by the benchmark: on SIGUSR2 the process
// collects garbage and prints its memory, so a high RSS can be told apart from live objects (a leak).
process.on('SIGUSR2', () => {
  const before = process.memoryUsage();
  if (typeof global.gc === 'function') global.gc();
  const after = process.memoryUsage();
  process.stderr.write(`${JSON.stringify({ heapProbe: { before, after, pid: process.pid } })}\n`);
});
