// Wording a careful career coach would strike out. Each entry: a pattern and the advice shown.
import type { Severity } from './finding.js';

export interface PhraseRule {
  rule:
    | 'pushy_wording'
    | 'outcome_question'
    | 'gift'
    | 'pleading'
    | 'apologetic_follow_up'
    | 'follow_up_count'
    | 'exclamation_run';
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
const PLEADING =
  'Sounds like pleading: say why the role fits you and what you bring, not how much you need it.';
const APOLOGY =
  'No need to apologise for following up: a polite check-in is normal, so start with your question.';
const COUNT =
  'Counting your follow-ups reads as a reproach: write as if this were a friendly first note.';
const EXCLAIM = 'One exclamation mark at most: a run of marks reads as impatient or over-eager.';

// Pieces shared by several patterns.
const I_WILL =
  "i(?:'ll|\\s+will|\\s+shall|\\s+am\\s+going\\s+to|'m\\s+going\\s+to|\\s+have\\s+to|\\s+must|'d\\s+have\\s+to|\\s+would\\s+have\\s+to|\\s+may\\s+have\\s+to|\\s+might\\s+have\\s+to)";
// What an ultimatum threatens: another offer, withdrawing, moving on ("…or I will take the other offer").
const OTHER =
  '(?:the\\s+|an?\\s+|their\\s+|that\\s+|my\\s+)?(?:other|another|competing|alternative|different|second|rival|better)\\s+';
const CONSEQUENCE = [
  '(?:have\\s+to\\s+|need\\s+to\\s+|be\\s+forced\\s+to\\s+|simply\\s+|just\\s+|probably\\s+|then\\s+)?',
  '(?:',
  [
    `(?:take|accept|go\\s+with|sign\\s+(?:with|for)|pursue|proceed\\s+with|commit\\s+to|consider|look\\s+at)\\s+${OTHER}(?:offers?|roles?|jobs?|positions?|options?|opportunit(?:y|ies)|company|employer)`,
    '(?:take|accept|go|sign|commit|look)\\s+(?:it\\s+|my\\s+\\p{L}+\\s+|an?\\s+offer\\s+)?elsewhere',
    'accept\\s+(?:their|that|this|the)\\s+offer',
    'withdraw',
    'move\\s+on',
    'walk\\s+away',
    'assume',
    'drop\\s+out',
    'pull\\s+out',
    'decline\\s+(?:your|the|this|any)',
    'turn\\s+(?:you\\s+)?down',
    'take\\s+(?:that|it|your\\s+silence)\\s+as',
    'consider\\s+(?:this|my\\s+application|myself|the\\s+matter|us|it)\\s+(?:closed|over|done|finished|withdrawn|out)',
  ].join('|'),
  ')',
].join('');
const JOB =
  '(?:the\\s+|this\\s+|that\\s+|an?\\s+|my\\s+)?(?:job|role|position|post|offer|place|spot)';
const DECISION =
  '(?:a|your|the|their|any|a\\s+final|your\\s+final|the\\s+final|any\\s+final)\\s+(?:hiring\\s+)?(?:decision|choice|selection)';
const DECIDERS =
  '(?:you|they|we|the\\s+(?:team|panel|committee|company|hiring\\s+(?:team|manager|committee|panel)|interviewers|board))';
const ORDINAL =
  '(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|umpteenth|hundredth|nth|\\d+(?:st|nd|rd|th))';
const TIMES =
  '(?:twice|three\\s+times|four\\s+times|five\\s+times|\\d+\\s+times|several\\s+times|multiple\\s+times|a\\s+few\\s+times|many\\s+times|numerous\\s+times|a\\s+number\\s+of\\s+times|repeatedly|again\\s+and\\s+again)';
const MESSAGES =
  '(?:e-?mails?|messages?|notes?|follow-?ups?|letters?|voicemails?|calls?|attempts?|inquir(?:y|ies)|enquir(?:y|ies)|reminders?)';

export const PHRASE_RULES: readonly PhraseRule[] = [
  {
    rule: 'pushy_wording',
    severity: 'error',
    message: ULTIMATUM,
    pattern: w(
      '(?:i|we)\\s+(?:really\\s+)?need\\s+(?:an?|your|some)\\s+(?:answer|decision|response|reply|update|confirmation|feedback|word)(?:\\s+from\\s+you)?\\s+(?:by|before|within|today|tomorrow|now|asap|immediately|right\\s+away)',
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
      "otherwise,?\\s+i(?:'ll|’ll|\\s+will|\\s+shall|\\s+am\\s+going\\s+to|\\s+have\\s+to|(?:'m|\\s+am)\\s+(?:accepting|taking|signing|going|withdrawing|moving\\s+on|walking|out|gone|done))",
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
      "asap|as\\s+soon\\s+as\\s+possible|urgent(?:ly)?|(?:respond|reply|answer|get\\s+back\\s+to\\s+me|write\\s+back|call\\s+me(?:\\s+back)?|let\\s+me\\s+know)\\s+(?:immediately|right\\s+away|right\\s+now|at\\s+once|without\\s+delay|straight\\s+away)|(?:been\\s+)?waiting\\s+(?:for\\s+)?(?:weeks|months|ages|so\\s+long|too\\s+long|a\\s+long\\s+time|forever)|(?:have|'ve)\\s+waited\\s+(?:for\\s+)?(?:weeks|months|ages|so\\s+long|too\\s+long|long\\s+enough)|i\\s+am\\s+still\\s+waiting|i'm\\s+still\\s+waiting|still\\s+(?:haven't|have\\s+not)\\s+heard|why\\s+(?:haven't|have\\s+not)\\s+you|chasing|(?:following|checking)\\s+up\\s+again",
    ),
  },
  // Conditional ultimatums: a deadline and a consequence ("by Friday or I will take the other offer").
  {
    rule: 'pushy_wording',
    severity: 'error',
    message: ULTIMATUM,
    pattern: w(
      `or\\s+(?:else|(?:${I_WILL}|i)\\s+${CONSEQUENCE}|i(?:'m|\\s+am)\\s+(?:gone|out|done|off|walking|leaving|taking|accepting|signing|withdrawing|moving\\s+on)|i\\s+(?:walk|leave|quit))`,
    ),
  },
  {
    rule: 'pushy_wording',
    severity: 'error',
    message: ULTIMATUM,
    pattern: w(
      `(?:if\\s+there(?:\\s+is|'s)\\s+no|(?:if|should)\\s+i\\s+(?:get|receive|hear|have)\\s+no|should\\s+(?:i|you)\\s+not|without\\s+(?:an?|your)\\s+(?:answer|decision|reply|response)|if\\s+(?:you\\s+|i\\s+|we\\s+)?(?:still\\s+)?(?:can't|cannot|can\\s+not|don't|do\\s+not|won't|will\\s+not|are\\s+not\\s+able\\s+to|are\\s+unable\\s+to|aren't\\s+able\\s+to|haven't|have\\s+not|fail\\s+to|don't\\s+hear|do\\s+not\\s+hear)|unless\\s+(?:you\\s+|i\\s+)?)[^.?!\\n]{0,60}?\\b(?:by|before|within|until)\\b[^.?!\\n]{0,40}?,?\\s*(?:then\\s+)?${I_WILL}\\s+${CONSEQUENCE}`,
    ),
  },
  {
    rule: 'pushy_wording',
    severity: 'error',
    message: ULTIMATUM,
    pattern: w(
      "(?:i'll|i\\s+will|i\\s+shall)\\s+(?:have\\s+to\\s+)?(?:assume\\s+(?:that\\s+)?(?:you(?:'re|\\s+are|'ve|\\s+have)\\s+(?:not|no\\s+longer|moved|gone|chosen|decided|lost)|the\\s+(?:role|position|job|answer)\\s+(?:has|is|was)|it(?:'s|\\s+is)\\s+a\\s+no|that(?:'s|\\s+is)\\s+a\\s+no|i(?:'m|\\s+am|\\s+was|\\s+have\\s+been|'ve\\s+been)\\s+(?:not|no\\s+longer|out|rejected|unsuccessful)|i\\s+(?:didn't|did\\s+not))|take\\s+(?:that|it|your\\s+silence|no\\s+(?:reply|response|answer))\\s+(?:as|to\\s+mean))|(?:i'll|i\\s+will)\\s+give\\s+you\\s+until|(?<!do\\s+)you\\s+have\\s+until|you\\s+have\\s+(?:\\d+|one|two|three|24|48)\\s+(?:hours|days)\\s+to|final\\s+notice|this\\s+is\\s+your\\s+(?:last|final)\\s+(?:chance|opportunity)",
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
  // Outcome questions in any tense: about me, or about whether the decision is made.
  {
    rule: 'outcome_question',
    severity: 'error',
    message: OUTCOME,
    pattern: w(
      `(?:did|do|have|had|has|will|would|shall|am|was|were|could|can|should|is|might)\\s+i\\s+(?:be\\s+|been\\s+|being\\s+|have\\s+|still\\s+)*(?:get|gets|got|gotten|getting|land|landed|landing|receive|received|receiving|offered|win|won|winning|secure|secured)\\s+${JOB}|(?:did|do|have|had|has|will|would|am|was|were|is)\\s+i\\s+(?:be\\s+|been\\s+|being\\s+|still\\s+|now\\s+)*(?:selected|chosen|hired|shortlisted|successful|accepted|picked|rejected|turned\\s+down|the\\s+(?:successful|chosen|preferred|selected)\\s+candidate|in\\s+the\\s+running|still\\s+in\\s+the\\s+running|(?:being\\s+)?considered|moving\\s+forward|going\\s+to\\s+get)|did\\s+i\\s+(?:make\\s+it|make\\s+the\\s+cut|pass|succeed|get\\s+through)|(?:whether|if)\\s+i(?:'ve|'ll|'m)?\\s+(?:have\\s+|had\\s+|has\\s+|will\\s+|would\\s+|am\\s+|was\\s+)?(?:be\\s+|been\\s+|being\\s+)?(?:(?:got|gotten|getting|landed|offered|won|secured)\\s+${JOB}|selected|chosen|hired|shortlisted|successful|(?:the\\s+)?successful\\s+candidate|made\\s+it|made\\s+the\\s+cut|passed|rejected)|(?:is|was)\\s+(?:the\\s+)?(?:job|role|position|offer)\\s+(?:mine|going\\s+to\\s+me)|(?:did|do|have|has|had|will|would|are|is)\\s+${DECIDERS}\\s+(?:be\\s+|going\\s+to\\s+|planning\\s+to\\s+)?(?:(?:pick|picked|picking|choose|chose|chosen|choosing|select|selected|selecting|hire|hired|hiring|reject|rejected|rejecting|want|wanting|take|taking)\\s+me\\b|(?:offer|offered|offering|give|gave|given|giving)\\s+me\\s+${JOB})`,
    ),
  },
  {
    rule: 'outcome_question',
    severity: 'error',
    message: OUTCOME,
    pattern: w(
      `(?<!(?:when|soon|by\\s+when)\\s+)(?:have|has|had|did|will|would)\\s+${DECIDERS}\\s+(?:already\\s+|yet\\s+|now\\s+|finally\\s+)?(?:have\\s+|be\\s+)?(?:made|make|making|reached|reach|reaching|come\\s+to|came\\s+to|coming\\s+to|arrived\\s+at|taken|take|taking|decided|decide|deciding)(?:\\s+${DECISION}|\\s+(?:on|about)\\s+(?:me|my\\s+application|my\\s+candidacy|the\\s+(?:role|position|job)|a\\s+candidate|someone)|\\s+yet)(?:\\s+yet)?|${DECIDERS}\\s+(?:have|had|has|'ve|'d)\\s+(?:already\\s+)?(?:made|reached|come\\s+to|taken)\\s+${DECISION}\\s+yet|(?:has|have|had|was|were)\\s+(?:a|the|any)\\s+(?:final\\s+)?(?:hiring\\s+)?(?:decision|selection|choice)\\s+(?:already\\s+|yet\\s+)?been\\s+(?:made|reached|taken)|(?:whether|if)\\s+(?:a|the|any)\\s+(?:final\\s+)?(?:decision|selection|choice)\\s+(?:has|had|was)\\s+(?:already\\s+)?(?:been\\s+)?(?:made|reached|taken)|(?:is|was)\\s+there\\s+(?:a|any)\\s+(?:final\\s+)?decision(?!-|\\s+(?:timeline|date|deadline|process|maker|making|framework|criteria))|(?:has|have|had|was)\\s+(?:the\\s+)?(?:role|position|job|vacancy|post)\\s+(?:already\\s+)?been\\s+(?:filled|offered|given)`,
    ),
  },
  {
    rule: 'pleading',
    severity: 'error',
    message: PLEADING,
    pattern: w(
      `(?:i\\s+(?:really\\s+|truly\\s+|desperately\\s+|badly\\s+|so\\s+|just\\s+|absolutely\\s+)*|(?:really|truly|desperately|badly|absolutely)\\s+)need\\s+${JOB}(?=\\s*(?:[.!,;:)]|$)|\\s+(?:so|very|badly|desperately|more|and|but|because|right\\s+now|now|to\\s+(?:pay|survive|support|feed|keep|get\\s+by))\\b)|struggling\\s+(?:financially|to\\s+(?:pay|make\\s+ends\\s+meet|get\\s+by))|(?:in|facing|under)\\s+(?:serious\\s+|real\\s+)?financial\\s+(?:hardship|difficult(?:y|ies)|trouble|strain)|can(?:'t|not)\\s+(?:pay|afford)\\s+(?:my|the)\\s+(?:rent|bills|mortgage)|(?:i\\s+am|i'm)\\s+(?:\\p{L}+\\s+)?(?:begging|pleading|desperate)|i\\s+beg\\s+(?:you|of\\s+you)|begging\\s+you|please,?\\s+(?:oh\\s+)?please|(?:i'll|i\\s+will|i\\s+would|i'd)\\s+do\\s+anything|desperately\\s+(?:need|want|hope|hoping)|(?:please\\s+)?(?:just\\s+)?give\\s+me\\s+(?:a|one\\s+more|another|one)\\s+(?:chance|shot)|(?:this|the|that)\\s+(?:job|role|position|offer)\\s+means\\s+everything|means\\s+(?:the\\s+world|everything)\\s+to\\s+me|i\\s+can(?:'t|not)\\s+afford\\s+(?:to\\s+(?:lose|miss)|not\\s+to\\s+get)|my\\s+(?:family|kids|children|rent)\\s+(?:depends?|depend|relies|rely|are\\s+counting)|(?:please|just)\\s+hire\\s+me|i'm\\s+(?:running\\s+out\\s+of|out\\s+of)\\s+(?:money|options|savings)|i\\s+am\\s+(?:running\\s+out\\s+of|out\\s+of)\\s+(?:money|options|savings)|(?:my\\s+)?last\\s+hope`,
    ),
  },
  {
    rule: 'apologetic_follow_up',
    severity: 'warning',
    message: APOLOGY,
    pattern: w(
      `(?:so\\s+|very\\s+|really\\s+|terribly\\s+)?sorry\\s+(?:to|for|if)\\s+(?:bother|bothering|disturb|disturbing|pester|pestering|nag|nagging|chase|chasing|bug|bugging|trouble|troubling|keep\\s+\\p{L}+ing|follow\\s+up|following\\s+up|(?:write|writing|e-?mail|e-?mailing|reach\\s+out|reaching\\s+out|check\\s+in|checking\\s+in|ping|pinging)\\s+(?:you\\s+)?again|i(?:'m|\\s+am)\\s+being\\s+(?:a\\s+)?(?:pest|nuisance|bother|pushy|annoying)|this\\s+is\\s+(?:annoying|a\\s+bother)|the\\s+(?:repeated|multiple|many|constant|extra|additional|another)|(?:yet\\s+)?another\\s+(?:e-?mail|message|follow-?up|note)|my\\s+persistence|the\\s+(?:follow-?up|reminder|nudge))|(?:i\\s+)?apologi[sz]e\\s+(?:for|if)\\s+(?:bothering|disturbing|pestering|nagging|chasing|following\\s+up|writing\\s+again|e-?mailing\\s+again|reaching\\s+out\\s+again|checking\\s+in\\s+again|the\\s+(?:repeated|multiple|many|constant|additional)|(?:yet\\s+)?another|my\\s+persistence|this\\s+(?:follow-?up|reminder)|being\\s+(?:a\\s+)?(?:pest|nuisance|bother|pushy))|apologies\\s+(?:for|if)\\s+(?:bothering|disturbing|pestering|following\\s+up|the\\s+(?:repeated|multiple|follow-?up|reminder)|(?:yet\\s+)?another|my\\s+persistence|being\\s+(?:a\\s+)?(?:pest|nuisance|bother))|(?:i\\s+)?hate\\s+to\\s+(?:bother|pester|nag|chase|bug|trouble)|(?:i\\s+)?(?:don't|do\\s+not)\\s+(?:mean|want)\\s+to\\s+(?:bother|pester|nag|be\\s+(?:a\\s+)?(?:pest|nuisance|bother|pushy))|forgive\\s+me\\s+for\\s+(?:bothering|pestering|following\\s+up|writing\\s+again|reaching\\s+out\\s+again|chasing)|sorry\\s+to\\s+be\\s+(?:a\\s+)?(?:pest|nuisance|bother|pain)`,
    ),
  },
  {
    rule: 'follow_up_count',
    severity: 'warning',
    message: COUNT,
    pattern: w(
      `(?:following|checking|writing|reaching\\s+out|e-?mailing|calling|touching\\s+base)(?:\\s+up)?(?:\\s+(?:with\\s+you|again))?\\s+for\\s+the\\s+${ORDINAL}\\s+time|(?:this\\s+is|it's|it\\s+is|here's|here\\s+is)\\s+(?:now\\s+)?(?:my|the|our)\\s+${ORDINAL}\\s+(?:${MESSAGES}|time)|${ORDINAL}\\s+(?:${MESSAGES})\\s+(?:i(?:'ve|\\s+have)\\s+sent|from\\s+me|in\\s+a\\s+row|without)|(?:i've|i\\s+have|i\\s+had|i'd)\\s+(?:now\\s+|already\\s+)*(?:e-?mailed|written|written\\s+to\\s+you|reached\\s+out|followed\\s+up|contacted\\s+you|called|phoned|messaged|sent|left\\s+(?:you\\s+)?(?:a\\s+)?(?:messages?|voicemails?)|tried|asked)(?:\\s+(?:you|to\\s+you|with\\s+you))?\\s+${TIMES}|(?:i've|i\\s+have|i\\s+had)\\s+(?:now\\s+|already\\s+)*sent\\s+(?:you\\s+)?(?:\\d+|two|three|four|five|several|multiple|many|numerous|a\\s+few)\\s+${MESSAGES}|(?:my|our)\\s+(?:last|previous|past|earlier)\\s+(?:\\d+|two|three|four|five|several|few)\\s+${MESSAGES}|(?:yet\\s+)?another\\s+follow-?up|${ORDINAL}\\s+(?:follow-?up|reminder|nudge|chaser)s?|(?:my|our)\\s+(?:previous|last|earlier|prior|first|second|other)\\s+(?:follow-?ups?|reminders?|chasers?|nudges?)|(?:left|sent)\\s+(?:you\\s+)?(?:\\d+|two|three|four|five|several|multiple|many|numerous|a\\s+few|a\\s+couple\\s+of|countless)\\s+${MESSAGES}|for\\s+the\\s+(?:umpteenth|hundredth|nth|millionth)\\s+time`,
    ),
  },
  {
    rule: 'exclamation_run',
    severity: 'warning',
    message: EXCLAIM,
    // Not whole-word: marks are not letters. Two or more in a row ("!!", "?!?", "??"), or "‼".
    pattern: /[!?！？‼⁉⁈]{2,}|[‼⁉⁈]/gu,
  },
  {
    rule: 'gift',
    severity: 'error',
    message: GIFT,
    pattern: w(
      'gift[- ]?(?:cards?|certificates?|baskets?|boxes?)|token\\s+of\\s+(?:my\\s+|our\\s+)?(?:appreciation|gratitude|thanks)|gifts?|gifted|vouchers?|hampers?|flowers?|bouquets?|muffins?|cupcakes?|chocolates?|pastr(?:y|ies)|doughnuts?|donuts?|fruit\\s+baskets?|care\\s+packages?|champagne|bottles?\\s+of\\s+\\p{L}+',
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
