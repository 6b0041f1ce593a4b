// Wording a careful career coach would strike out. Each entry: a pattern and the advice shown.
import type { Severity } from './finding.js';

export interface PhraseRule {
  rule: 'pushy_wording' | 'outcome_question' | 'gift';
  severity: Severity;
  pattern: RegExp;
  message: string;
}

// Whole words only; a straight apostrophe in a pattern also matches a typographic one.
const w = (source: string): RegExp =>
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${source.replace(/'/g, "['’]")})(?![\\p{L}\\p{N}])`, 'giu');

const ULTIMATUM = 'Sounds like an ultimatum: ask politely where the process stands instead.';
const PRESSURE = 'Sounds impatient: keep it to a friendly line asking about the timeline.';
const OUTCOME =
  'Do not ask whether you got the job: ask where the process stands, or offer something of value.';
const GIFT = 'Never send gifts of any kind: a thoughtful message is the right follow-up.';

export const PHRASE_RULES: readonly PhraseRule[] = [
  {
    rule: 'pushy_wording',
    severity: 'error',
    message: ULTIMATUM,
    pattern: w(
      '(?:i|we)\\s+(?:really\\s+)?need\\s+(?:an?|your)\\s+(?:answer|decision|response|reply)(?:\\s+from\\s+you)?\\s+(?:by|before|within|today|tomorrow|now|asap|immediately)',
    ),
  },
  {
    rule: 'pushy_wording',
    severity: 'error',
    message: ULTIMATUM,
    pattern: w(
      '(?:i|we)\\s+(?:must|have\\s+to|need\\s+to)\\s+(?:hear|know)(?:\\s+back)?(?:\\s+from\\s+you)?\\s+(?:by|before|within|today|tomorrow|now|immediately)',
    ),
  },
  {
    rule: 'pushy_wording',
    severity: 'error',
    message: ULTIMATUM,
    pattern: w(
      "otherwise,?\\s+i(?:'ll|’ll|\\s+will|\\s+shall|\\s+am\\s+going\\s+to|\\s+have\\s+to)",
    ),
  },
  {
    rule: 'pushy_wording',
    severity: 'error',
    message: ULTIMATUM,
    pattern: w(
      "(?:if|unless)\\s+i\\s+(?:don't|don’t|do\\s+not)?\\s*hear(?:\\s+back)?(?:\\s+from\\s+you)?\\s+(?:by|before|within|today|tomorrow|soon)",
    ),
  },
  {
    rule: 'pushy_wording',
    severity: 'error',
    message: ULTIMATUM,
    pattern: w(
      "(?:will|'ll|’ll)\\s+have\\s+(?:no\\s+choice\\s+but\\s+)?to\\s+(?:accept|take)\\s+(?:the\\s+other|another|their|the\\s+competing)\\s+offer",
    ),
  },
  {
    rule: 'pushy_wording',
    severity: 'error',
    message: ULTIMATUM,
    pattern: w(
      'ultimatum|final\\s+warning|last\\s+chance|i\\s+expect\\s+(?:an\\s+answer|a\\s+decision|a\\s+response|to\\s+hear)|(?:give|send)\\s+me\\s+(?:an\\s+answer|a\\s+decision|your\\s+decision)|make\\s+up\\s+your\\s+mind',
    ),
  },
  {
    rule: 'pushy_wording',
    severity: 'warning',
    message: PRESSURE,
    pattern: w(
      "asap|as\\s+soon\\s+as\\s+possible|urgent(?:ly)?|i\\s+am\\s+still\\s+waiting|i'm\\s+still\\s+waiting|still\\s+(?:haven't|have\\s+not)\\s+heard|why\\s+(?:haven't|have\\s+not)\\s+you|chasing|(?:following|checking)\\s+up\\s+again",
    ),
  },
  {
    rule: 'outcome_question',
    severity: 'error',
    message: OUTCOME,
    pattern: w(
      '(?:did|have)\\s+i\\s+(?:get|got|gotten|landed)\\s+(?:the\\s+|this\\s+|that\\s+)?(?:job|role|position|offer|it)|(?:am|was)\\s+i\\s+(?:hired|successful|selected|chosen|accepted|the\\s+successful\\s+candidate)|did\\s+i\\s+(?:make\\s+it|pass|succeed)|do\\s+i\\s+have\\s+the\\s+(?:job|role|position)|will\\s+i\\s+(?:get|be\\s+offered)\\s+(?:the|an?)\\s+(?:job|role|position|offer)',
    ),
  },
  {
    rule: 'outcome_question',
    severity: 'warning',
    message: OUTCOME,
    pattern: w(
      '(?:have|did)\\s+you\\s+(?:made|make|reached|reach)\\s+(?:a|your|the)\\s+decision(?:\\s+yet|\\s+about\\s+me)?',
    ),
  },
  {
    rule: 'gift',
    severity: 'error',
    message: GIFT,
    pattern: w(
      'gift[- ]?(?:cards?|certificates?|baskets?|boxes?)|gifts?|gifted|vouchers?|hampers?|flowers?|bouquets?|muffins?|cupcakes?|chocolates?|pastr(?:y|ies)|doughnuts?|donuts?|fruit\\s+baskets?|care\\s+packages?|champagne|bottles?\\s+of\\s+\\p{L}+',
    ),
  },
  // Words that are gifts only when something is being sent or brought ("third-party cookies" is fine).
  {
    rule: 'gift',
    severity: 'error',
    message: GIFT,
    pattern: w(
      '(?:send|sent|sending|bring|brought|bringing|drop(?:ped)?\\s+off|baked|bake|box\\s+of|basket\\s+of|some)\\s+(?:you\\s+|the\\s+team\\s+|a\\s+|an\\s+|some\\s+|a\\s+few\\s+|a\\s+box\\s+of\\s+|little\\s+)*(?:cookies|cakes?|treats|wine|coffee\\s+cards?|snacks|sweets|candy|biscuits|a\\s+little\\s+something)',
    ),
  },
];
