// The follow-up policy engine: presets as data and the pure planner.
export { plan } from './plan.js';
export { POLICIES, policyFor, type Policy, type Offset, type Limit, type BySource, type OffsetUnit } from './presets.js';
export { organisationKey, stepId } from './ids.js';
export { effectiveStatus, type TimedInteraction } from './context.js';
export { planValidUntil } from './valid-until.js';
