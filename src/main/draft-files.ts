// What `tactful draft` needs besides the use cases: the templates and the draft's file formats
// (.eml, mailto:). The command loads this module only when it runs, so nodemailer's composer and
// the template files never slow another command.
export { toEml } from '../mail/eml.js';
export { mailtoLink } from '../mail/mailto.js';
export { loadTemplates } from '../templates/loader.js';
