// The store's public surface: the ports the bot and the worker use, and the implementations app.ts picks.
export * from './ports.js';
export { openSqliteStore } from './sqlite/index.js';
