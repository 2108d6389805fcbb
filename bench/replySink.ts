// A fake Bot Framework connector that answers every reply at once and only counts, run as its own process
// so neither the bots nor the load generator pay for it on their event loop. GET /stats reads the counts.
import http from 'node:http';

const port = Number(process.env.PORT ?? 0);
let posts = 0;
let puts = 0;

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/stats') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ posts, puts }));
    return;
  }
  // Drain the body without parsing it: the bots' cost is what is measured, not the sink's.
  req.resume();
  req.on('end', () => {
    if (!/^\/v3\/conversations\/[^/]+\/activities/.test(req.url ?? '')) {
      res.writeHead(404);
      res.end();
      return;
    }
    if (req.method === 'PUT') puts += 1;
    else posts += 1;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(`{"id":"activity-${posts + puts}"}`);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' ? address?.port : null })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
