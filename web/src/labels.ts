// The words for the vocabulary's codes, shared by every page (and by the server's texts).
export {
  activeSummary,
  channelLabel,
  humanize,
  interactionSentence,
  kindLabel,
  nameList,
  sourceLabel,
  statusLabel,
} from '../../src/core/labels.js';
