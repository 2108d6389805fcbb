export {
  createHttpServer,
  type HttpServer,
} from './server.js';
