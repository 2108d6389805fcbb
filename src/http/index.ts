export { createHttpServer, type HttpDeps, type HttpServer } from './server.js';
