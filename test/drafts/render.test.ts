// Drafts for every outbound kind × source × channel, on demo-like and hostile facts.
import { describe, expect, it } from 'vitest';
import { DRAFT_CHANNELS, renderDraft, type Draft } from '../../src/core/drafts/index.js';
import { countWords } from '../../src/core/drafts/text.js';
import { DomainError } from '../../src/core/errors.js';
import type { Facts, Interview, Step } from '../../src/core/types.js';
import { loadTemplates } from '../../src/templates/loader.js';
import { demoFacts, everyCase } from './fixtures.js';
import { HIDDEN, hostile, MUSTACHE, RTL, SCRIPT } from './hostile.js';

const templates = await loadTemplates();

function errors(draft: Draft) {
  return draft.findings.filter((f) => f.severity === 'error');
}

function show(label: string, draft: Draft): string {
  const head = [
    `### ${label}`,
    `to: ${draft.to.map((r) => `${r.name} <${r.email ?? 'no e-mail'}>`).join(', ')}`,
  ];
  if (draft.subject !== null) head.push(`subject: ${draft.subject}`);
  const notes = draft.findings.map((f) => `  [${f.severity}] ${f.rule}: ${f.message}`);
  return [
    ...head,
    '',
    draft.body,
    '',
    ...(notes.length ? ['findings:', ...notes] : ['findings: none']),
    '',
    '',
  ].join('\n');
}

function stepFor(facts: Facts, id: string, over: Partial<Step> = {}): Step {
  const c = everyCase(facts).find((x) => x.step.id === id || x.label === id);
  if (!c) throw new Error(`no case ${id}`);
  return { ...c.step, ...over };
}

const LIMITS: Record<string, number> = { thank_you: 250, status_check: 120, check_in: 150 };

describe('every kind × source × channel', () => {
  const facts = demoFacts();
  const cases = everyCase(facts);

  it('covers every outbound kind, all three sources and every channel a kind can use', () => {
    const covered = new Set(cases.map((c) => c.label.split(' · ').slice(0, 3).join(' · ')));
    const expected = Object.entries(DRAFT_CHANNELS).flatMap(([kind, channels]) =>
      ['employer', 'recruiter', 'agency'].flatMap((source) =>
        channels!.map((ch) => `${kind} · ${source} · ${ch}`),
      ),
    );
    expect([...covered].sort()).toEqual(expected.sort());
    expect(cases.length).toBe(78);
  });

  it.each(cases.map((c) => [c.label, c.step] as const))(
    '%s renders without error findings',
    (_label, step) => {
      const draft = renderDraft(step, facts, templates);
      expect(errors(draft)).toEqual([]);
      expect(draft.body.length).toBeGreaterThan(40);
      expect(draft.body).not.toMatch(/\{\{|\}\}|undefined|null|\[object/);
      expect(draft.subject === null).toBe(step.channel !== 'email');
      if (step.channel === 'linkedin') expect([...draft.body].length).toBeLessThanOrEqual(300);
      const limit = LIMITS[step.kind];
      if (limit) expect(countWords(draft.body)).toBeLessThanOrEqual(limit);
    },
  );

  // One readable file per kind: review the prose by reading test/drafts/__snapshots__/<kind>.txt.
  for (const kind of [...new Set(cases.map((c) => c.step.kind))]) {
    it(`${kind} prose matches the reviewed snapshot`, async () => {
      const text = cases
        .filter((c) => c.step.kind === kind)
        .map((c) => show(c.label, renderDraft(c.step, facts, templates)))
        .join('');
      await expect(text).toMatchFileSnapshot(`./__snapshots__/${kind}.txt`);
    });
  }
});

describe('hostile facts', () => {
  const facts = hostile(demoFacts());
  const cases = everyCase(facts);

  it.each(cases.map((c) => [c.label, c.step] as const))(
    '%s prints them as text and stays sendable',
    (_label, step) => {
      const draft = renderDraft(step, facts, templates);
      expect(errors(draft)).toEqual([]);
      expect(draft.body).not.toMatch(HIDDEN);
      if (draft.subject !== null) expect(draft.subject).not.toMatch(/[\r\n\u202E]/);
      for (const r of draft.to) expect(r.name).not.toMatch(/[\r\n\u202E]/);
      if (step.channel === 'linkedin') expect([...draft.body].length).toBeLessThanOrEqual(300);
      const limit = LIMITS[step.kind];
      if (limit) expect(countWords(draft.body)).toBeLessThanOrEqual(limit);
    },
  );

  it('prints {{…}}, ${…} and markup verbatim, never evaluated', () => {
    const draft = renderDraft(stepFor(facts, 'a1:thank_you:i2:c1'), facts, templates);
    expect(draft.body).toContain(SCRIPT);
    expect(draft.body).toContain(MUSTACHE);
    expect(draft.subject).toContain(MUSTACHE);
    expect(draft.body).not.toContain(RTL);
    // Looks like a placeholder, but the seeker typed it: a warning to look at, not an error.
    const placeholder = draft.findings.filter((f) => f.rule === 'unfilled_placeholder');
    expect(placeholder.length).toBeGreaterThan(0);
    expect(placeholder.every((f) => f.severity === 'warning')).toBe(true);
  });

  it('quotes a 10,000-character note only in part', () => {
    const draft = renderDraft(stepFor(facts, 'a1:thank_you:i2:c1'), facts, templates);
    expect(draft.body.length).toBeLessThan(3000);
    expect(draft.body).toContain('…');
  });

  it('shows the hostile thank-you in a reviewed snapshot', async () => {
    const text = [
      'a1:thank_you:i2:c1',
      'thank_you · employer · linkedin · to interviewer',
      'a3:thank_you:i4:c5',
    ]
      .map((id) => show(id, renderDraft(stepFor(facts, id), facts, templates)))
      .join('');
    await expect(text).toMatchFileSnapshot('./__snapshots__/hostile.txt');
  });
});

describe('personalisation from the facts', () => {
  const facts = demoFacts();
  const thanks = (over: Partial<Step> = {}, options = {}) =>
    renderDraft(stepFor(facts, 'a1:thank_you:i2:c1', over), facts, templates, options);

  it('greets by first name, or by full name when formal', () => {
    expect(thanks().body.split('\n')[0]).toBe('Hi Dana,');
    expect(thanks({}, { formal: true }).body.split('\n')[0]).toBe('Dear Dana Reyes,');
  });

  it('drops honorifics from a first-name greeting', () => {
    const f = demoFacts();
    f.contacts[0]!.name = 'Dr. Dana Reyes';
    const draft = renderDraft(stepFor(f, 'a1:thank_you:i2:c1'), f, templates);
    expect(draft.body.startsWith('Hi Dana,')).toBe(true);
    expect(errors(draft)).toEqual([]);
  });

  it('names the role, organisation, round, the most specific key point, what was forgotten, the promise with its link, a strength, the timeline and the signature', () => {
    const body = thanks().body;
    expect(body).toContain('Senior Backend Engineer role at Northwind Labs (round 2)');
    expect(body).toContain(
      'moving the billing service from cron jobs to an event queue (Kafka) by Q3',
    );
    expect(body).not.toContain('the on-call rotation');
    expect(body).toContain('I led our Postgres 16 upgrade with zero downtime last year.');
    expect(body).toContain('here is my portfolio link: https://jordanlee.dev/portfolio');
    expect(body).toContain('reliability engineering for payment systems');
    expect(body).toContain('expected by Friday 4 December');
    expect(body).toMatch(/Jordan Lee\njordan\.lee@example\.com/);
  });

  it('uses the round the thank-you anchors, not the latest one', () => {
    const draft = thanks({ id: 'a1:thank_you:i1:c1' });
    expect(draft.body).toContain('on Monday 16 November');
    expect(draft.body).not.toContain('round 2');
    expect(draft.body).not.toContain('Kafka');
  });

  it('never invents: without notes, strengths or a date there is no sentence about them', () => {
    const f = demoFacts();
    const app = f.applications[0]!;
    app.interviews[1]!.notes = { keyPoints: [], forgot: [], promises: [] };
    app.interviews[1]!.decisionExpectedBy = null;
    app.prosCons.strengths = [];
    f.settings.signature = '';
    const draft = renderDraft(stepFor(f, 'a1:thank_you:i2:c1'), f, templates);
    expect(draft.body).not.toMatch(
      /discussing|promised|did not get to mention|contribute to|decision/,
    );
    expect(draft.body).toMatchInlineSnapshot(`
      "Hi Dana,

      Thank you for taking the time to meet with me on Friday 20 November about the Senior Backend Engineer role at Northwind Labs (round 2). I enjoyed our conversation.

      Thank you again for your time.

      Best regards,"
    `);
    // No signature, so no contact details: the checker says so, as a warning.
    expect(draft.findings.map((f) => f.rule)).toEqual(['missing_contact_details']);
  });

  it('a promise without a link is recalled, never claimed as delivered', () => {
    const draft = renderDraft(stepFor(facts, 'a2:thank_you:i3:c4'), facts, templates);
    expect(draft.body).toContain('As promised, I will share the case study write-up shortly.');
    expect(draft.body).not.toContain('here is');
    // A promise that does not say what will be sent is recalled as written.
    const f = demoFacts();
    f.applications[1]!.interviews[0]!.notes.promises = ['Intro to their data team lead'];
    const other = renderDraft(stepFor(f, 'a2:thank_you:i3:c4'), f, templates);
    expect(other.body).toContain(
      'I will follow up shortly on what I promised: intro to their data team lead.',
    );
    // "send references" becomes "send my references".
    f.applications[1]!.interviews[0]!.notes.promises = ['Send references.'];
    const mine = renderDraft(stepFor(f, 'a2:thank_you:i3:c4'), f, templates);
    expect(mine.body).toContain('As promised, I will send my references shortly.');
  });

  it('asks the agency agent to pass thanks on and to share the interviewers’ details when unknown', () => {
    const draft = renderDraft(stepFor(facts, 'a3:thank_you:i4:c5'), facts, templates);
    expect(draft.body).toContain('Could you please pass my thanks on to the interviewers?');
    expect(draft.body).toContain('could you share their names and e-mail addresses?');
  });

  it('names known interviewers to the agent and asks only for missing addresses', () => {
    const f = demoFacts();
    f.applications[2]!.interviews[0]!.interviewers = ['c6'];
    const draft = renderDraft(stepFor(f, 'a3:thank_you:i4:c5'), f, templates);
    expect(draft.body).toContain('pass my thanks on to Tomás García?');
    expect(draft.body).toContain('could you share their e-mail addresses?');
    f.contacts.find((c) => c.id === 'c6')!.email = 'tomas@cobalt.example';
    const known = renderDraft(stepFor(f, 'a3:thank_you:i4:c5'), f, templates);
    expect(known.body).toContain('pass my thanks on to Tomás García?');
    expect(known.body).not.toContain('could you share');
  });

  it('offer update: the offer and its deadline in passing, interest reaffirmed, no ultimatum, no other organisation named', () => {
    const draft = renderDraft(stepFor(facts, 'a1:offer_update:x2:c1'), facts, templates);
    expect(draft.body).toContain(
      'in passing, that I have received another job offer, with a reply due by Tuesday 1 December',
    );
    expect(draft.body).toContain('remains of great interest to me');
    expect(draft.body).not.toContain('Harbor Bank');
    expect(draft.findings).toEqual([]);
  });

  it('check-in: uses the value given, else says what to add instead of inventing one', () => {
    const step = stepFor(facts, 'a1:check_in:i2:1:c1');
    const bare = renderDraft(step, facts, templates);
    expect(bare.body).toContain('[Add before sending: something of value for Dana');
    expect(bare.findings.map((f) => [f.rule, f.severity])).toEqual([['todo_note', 'warning']]);
    const value =
      'Congratulations on the Series C — I enjoyed the write-up at https://northwind.example/blog/series-c.';
    const given = renderDraft(step, facts, templates, { value });
    expect(given.body).toContain(value);
    expect(given.body).not.toContain('[Add');
    expect(given.findings).toEqual([]);
  });

  it('the rejection flow thanks again and asks for feedback', () => {
    const f = demoFacts();
    const step: Step = {
      ...stepFor(f, 'a1:final_thanks:x1:c1'),
      id: 'a4:final_thanks:x1:c8',
      application: 'a4',
      to: ['c8'],
    };
    const draft = renderDraft(step, f, templates);
    expect(draft.body).toContain('Hi Lena,');
    expect(draft.body).toContain('grateful for any feedback');
    expect(draft.findings).toEqual([]);
  });
});

describe('refusals', () => {
  const facts = demoFacts();

  it('a step addressed to the seeker has no draft', () => {
    const step = {
      ...stepFor(facts, 'a1:thank_you:i2:c1'),
      id: 'a1:debrief:i2',
      kind: 'debrief' as const,
      to: [],
      channel: null,
    };
    expect(() => renderDraft(step, facts, templates)).toThrow(DomainError);
  });

  it('a channel without a template is a DomainError naming the template', () => {
    const step = stepFor(facts, 'a1:thank_you:i2:c1', { channel: 'in_person' });
    expect(() => renderDraft(step, facts, templates)).toThrow(/no template "thank_you.in_person"/);
  });

  it('an unknown application is not_found', () => {
    const step = stepFor(facts, 'a1:thank_you:i2:c1', { application: 'nope' });
    expect(() => renderDraft(step, facts, templates)).toThrow(
      expect.objectContaining({ code: 'not_found' }),
    );
  });

  it('a template cannot reach the prototype chain or use unknown variables', () => {
    const step = stepFor(facts, 'a1:thank_you:i2:c1');
    for (const tag of [
      '{{constructor}}',
      '{{__proto__}}',
      '{{toString}}',
      '{{#promises}}{{constructor}}{{/promises}}',
      '{{organisation}}',
      '{{> signature}}',
    ]) {
      expect(
        () => renderDraft(step, facts, { ...templates, 'thank_you.email': `{{greeting}} ${tag}` }),
        tag,
      ).toThrow(
        expect.objectContaining({ code: 'invalid_input', field: 'templates.thank_you.email' }),
      );
    }
    const ok = renderDraft(step, facts, {
      ...templates,
      'thank_you.email': '{{greeting}}{{#promises}} [{{text}}|{{link}}]{{/promises}}',
    });
    expect(ok.body).toBe('Hi Dana, [my portfolio link|https://jordanlee.dev/portfolio]');
  });
});

// What-was-seen 10: two interviewers of one round got the same thank-you but for the name.
describe('thank-yous to the interviewers of one round', () => {
  /** Round 2 of Northwind Labs with Dana (VP Engineering), Sam (Staff Engineer) and Lee. */
  function panel(notes: Partial<Interview['notes']>, over: { titles?: boolean } = {}): Facts {
    const f = demoFacts();
    f.contacts[1]!.email = 'sam.okafor@northwind.example';
    f.contacts.push({
      ...f.contacts[1]!,
      id: 'c10',
      name: 'Lee Wong',
      title: null,
      email: 'lee.wong@northwind.example',
    });
    if (over.titles === false) for (const c of f.contacts) c.title = null;
    const round = f.applications[0]!.interviews[1]!;
    round.interviewers = ['c1', 'c2', 'c10'];
    round.notes = { keyPoints: [], forgot: [], promises: [], ...notes };
    return f;
  }
  const thankYou = (f: Facts, to: string, channel: Step['channel'] = 'email') =>
    renderDraft(
      stepFor(f, 'a1:thank_you:i2:c1', { id: `a1:thank_you:i2:${to}`, to: [to], channel }),
      f,
      templates,
    );
  /** The text with every interviewer's name blanked out: what is left must still differ. */
  const unnamed = (body: string) =>
    body.replace(/Dana Reyes|Sam Okafor|Lee Wong|Dana|Sam|Lee/g, 'NAME');

  const scenarios: [string, Facts][] = [
    [
      'per-interviewer notes',
      panel({
        keyPoints: ['the on-call rotation'],
        byInterviewer: [
          { contact: 'c1', keyPoints: ['Moving billing to an event queue (Kafka) by Q3.'] },
          {
            contact: 'c2',
            keyPoints: [
              'Peak season on-call staffing.',
              'How the team runs incident reviews',
              'SQL query tuning',
            ],
          },
        ],
      }),
    ],
    [
      'round notes only',
      panel({
        keyPoints: [
          'Peak season staffing.',
          'moving the billing service from cron jobs to an event queue (Kafka) by Q3',
        ],
      }),
    ],
    [
      'one key point, no titles',
      panel({ keyPoints: ['Peak season staffing.'] }, { titles: false }),
    ],
    ['no notes at all, no titles', panel({}, { titles: false })],
  ];

  it.each(scenarios)('%s: no two drafts are the same but for the name', (_label, f) => {
    for (const channel of ['email', 'letter', 'linkedin'] as const) {
      const bodies = ['c1', 'c2', 'c10'].map((to) => thankYou(f, to, channel));
      for (const draft of bodies) expect(errors(draft)).toEqual([]);
      const texts = bodies.map((d) => unnamed(d.body));
      expect(new Set(texts).size, texts.join('\n---\n')).toBe(3);
    }
  });

  it("quotes each person's own points, the round's points spread over the others", () => {
    const [own, spread] = [scenarios[0]![1], scenarios[1]![1]];
    const dana = thankYou(own, 'c1').body;
    const sam = thankYou(own, 'c2').body;
    expect(dana).toContain('moving billing to an event queue (Kafka) by Q3.');
    expect(dana).not.toMatch(/incident reviews|on-call/);
    // Sam's two most specific points, in the order they were noted, joined in one sentence.
    expect(sam).toContain(
      'our exchange about peak season on-call staffing and how the team runs incident reviews.',
    );
    expect(sam).not.toMatch(/SQL|Kafka/);
    // Lee has no notes of his own: the round's point.
    expect(thankYou(own, 'c10').body).toContain('the on-call rotation');
    // Without per-person notes the lead gets the most specific point, the next person another.
    expect(thankYou(spread, 'c1').body).toContain('cron jobs to an event queue (Kafka)');
    expect(thankYou(spread, 'c2').body).toContain('about peak season staffing.');
    expect(thankYou(spread, 'c2').body).not.toContain('Kafka');
  });

  it('weaves notes in grammatically: no raw capitals mid-sentence, no doubled punctuation', () => {
    for (const [, f] of scenarios) {
      for (const to of ['c1', 'c2', 'c10']) {
        const body = thankYou(f, to).body;
        expect(body).not.toMatch(/(?:about|discussing|of) (?:Peak|Moving|How)\b/);
        expect(body).not.toMatch(/[.!?…]\.|\.\.|,\.|\.,/);
      }
    }
  });

  it('shows the drafts of one round in a reviewed snapshot', async () => {
    const channels = ['email', 'letter', 'linkedin'] as const;
    const text = scenarios
      .flatMap(([label, f], i) =>
        (i === 0 ? channels : channels.slice(0, 1)).flatMap((channel) =>
          ['c1', 'c2', 'c10'].map((to) =>
            show(`${label} · ${channel} · to ${to}`, thankYou(f, to, channel)),
          ),
        ),
      )
      .join('');
    await expect(text).toMatchFileSnapshot('./__snapshots__/thank_you_panel.txt');
  });
});
