// The embedded SQLite store, the default for laptops and single-instance deployments.
export { openSqliteStore } from './open.js';
