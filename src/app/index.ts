// The use cases, for transports (CLI, HTTP) to call. Each takes its ports as arguments and
// runs in one transaction.
export * from './import-document.js';
export * from './export-csv.js';
export * from './add-entities.js';
export * from './edit-entities.js';
export * from './log-interaction.js';
export * from './plan-for.js';
export * from './record-step-action.js';
export * from './settings.js';
export { nextId } from './next-id.js';
export * from './activity.js';
export * from './delete-entities.js';
export * from './purge-trash.js';
