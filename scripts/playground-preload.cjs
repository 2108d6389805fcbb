// Preloaded (`node -r`) into Microsoft 365 Agents Playground to keep it on this machine:
// - it listens on every interface: every server it opens listens on 127.0.0.1 instead, so the
//   unauthenticated test client is not reachable from the network
//   (../shared/reference/platform-notes.md, "Microsoft 365 Agents Playground");
// - even with --disable-telemetry it starts Application Insights, whose statsbeat and heartbeat ask the
//   cloud VM metadata service (169.254.169.254) about the machine and then call Azure: every outgoing
//   connection to anything but loopback is refused here, before any DNS lookup.
'use strict';
const net = require('node:net');

const LOOPBACK = '127.0.0.1';

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function listenOnLoopback(...args) {
  const [first, second] = args;
  if (typeof first === 'function' || first === undefined) {
    // listen() or listen(callback): a random port.
    return listen.call(this, 0, LOOPBACK, ...args);
  }
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    // listen(port[, host][, backlog][, callback])
    if (typeof second === 'string') return listen.call(this, first, LOOPBACK, ...args.slice(2));
    return listen.call(this, first, LOOPBACK, ...args.slice(1));
  }
  const isHandle = first !== null && typeof first === 'object' && ('_handle' in first || 'fd' in first);
  if (first !== null && typeof first === 'object' && first.path === undefined && !isHandle) {
    return listen.call(this, { ...first, host: LOOPBACK }, ...args.slice(1));
  }
  // A Unix socket path or an inherited handle: nothing reachable over the network.
  return listen.apply(this, args);
};

const isLoopback = (host) =>
  host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function connectToLoopbackOnly(...args) {
  const [first, second] = args;
  // connect(options[, cb]) — what http, https and net.createConnection use — or connect(port[, host][, cb]).
  const options = Array.isArray(first) ? first[0] : first;
  let host;
  if (options !== null && typeof options === 'object') {
    // As in net itself: a truthy path is a Unix socket (http passes path: null).
    if (!options.path) host = options.host ?? 'localhost';
  } else if (typeof options === 'number' || (typeof options === 'string' && /^\d+$/.test(options))) {
    host = typeof second === 'string' ? second : 'localhost';
  }
  if (host === undefined || isLoopback(host)) return connect.apply(this, args);
  const refused = new Error(`connect ECONNREFUSED ${host}: the playground may reach this machine only`);
  refused.code = 'ECONNREFUSED';
  process.nextTick(() => this.destroy(refused));
  return this;
};
