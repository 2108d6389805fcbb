// The embedded SQLite store, the default for laptops and single-instance deployments.
export { openSqliteStore, type SqliteStoreOptions, type StoreLogger } from './open.js';
