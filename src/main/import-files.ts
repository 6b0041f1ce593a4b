// The file readers behind `tactful import` (sheets, vCard, calendars, JSON) and the saved column
// mappings, for the CLI; loaded only when the command runs (the parsers are heavy).
export * from '../import/index.js';
export { encodingName } from '../import/read-input.js';
