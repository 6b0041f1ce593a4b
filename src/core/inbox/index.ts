// The inbox's pure side (issue 10): which application a message is about, and what it says.
export { findDate, type FoundDate } from './dates.js';
export {
  autoReplyOf,
  backOn,
  buildMatchIndex,
  domainOf,
  matchMessage,
  type AutoReply,
  type InboundHeaders,
  type MatchBy,
  type MatchIndex,
  type MatchOutcome,
} from './match.js';
export { classifyReply, SUGGESTIONS, type Classification, type Suggestion } from './classify.js';
export { excerptOf, inboxMessageIdOf, inboxMessageKey, EXCERPT_CHARS } from './text.js';
