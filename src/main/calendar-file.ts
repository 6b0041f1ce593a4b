// The plan as an iCalendar file, for `tactful export --format ics` (the feed's own format).
export { planToIcs } from '../feed/ics.js';
