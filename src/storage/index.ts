export { openDatabase, type Database, type OpenDatabaseOptions } from './database.js';
export { createUnitOfWork } from './unit-of-work.js';
export { backupSqlite } from './backup.js';
export type { Tables } from './tables.js';
export { databaseExists, dropDatabase } from './drop-database.js';
