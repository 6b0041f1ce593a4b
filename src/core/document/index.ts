export * from './document.schema.js';
export * from './parse-document.js';
export * from './merge.js';
export * from './to-document.js';
