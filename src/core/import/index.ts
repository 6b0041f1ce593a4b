export * from './fields.js';
export * from './values.js';
export * from './records.js';
export * from './build-import.js';
