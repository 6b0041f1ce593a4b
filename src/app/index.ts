// The use cases, for transports (CLI, HTTP) to call. Each takes its ports as arguments.
export * from './import-document.js';
