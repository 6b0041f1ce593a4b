export {
  checkMessage,
  WORD_LIMITS,
  LINKEDIN_NOTE_LIMIT,
  type CheckInput,
} from './check-message.js';
export { RULES, type Finding, type RuleId, type Severity } from './finding.js';
