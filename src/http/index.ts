export {
  createHttpServer,
  type HttpDeps,
  type HttpServer,
  type WebReply,
  type WebRequest,
  type WebRoute,
} from './server.js';
