export { renderDraft, type Draft } from './render.js';
export {
  DRAFT_CHANNELS,
  DRAFT_VARIANTS,
  assertTemplate,
  bodyKey,
  requiredTemplateNames,
  subjectKey,
  type TemplateSet,
} from './templates.js';
export {
  buildView,
  mostSpecific,
  parseSignature,
  type DraftOptions,
  type DraftView,
  type Recipient,
} from './view.js';
