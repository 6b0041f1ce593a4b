import { describe, expect, it } from 'vitest';
import { groupSteps } from '../../src/core/agenda.js';
import { renderAgenda, shortDate } from '../../src/cli/agenda-view.js';
import { makeStyle, wrap } from '../../src/cli/style.js';
import { DEFAULT_SETTINGS, type Facts, type Plan, type Step } from '../../src/core/types.js';

const plain = makeStyle(false);

function step(fields: Partial<Step> & Pick<Step, 'id' | 'due'>): Step {
  return {
    application: 'a1',
    kind: 'status_check',
    to: ['c1'],
    channel: 'email',
    earliest: fields.due,
    dueAt: null,
    overdue: false,
    why: 'They said they would decide by Friday; ask politely after that.',
    ...fields,
  };
}

const facts: Facts = {
  settings: { ...DEFAULT_SETTINGS, timezone: 'America/New_York' },
  contacts: [
    { id: 'c1', name: 'Priya Raman', title: null, organization: null, email: 'p@x.example', phone: null, linkedin: null, isReference: false, notes: null },
  ],
  applications: [
    {
      id: 'a1',
      organization: 'Northwind Analytics',
      role: 'Senior Data Analyst',
      source: 'employer',
      region: null,
      status: 'active',
      createdOn: null,
      agent: null,
      references: [],
      policy: null,
      prosCons: { pros: [], cons: [], strengths: [] },
      interviews: [],
      interactions: [],
    },
  ],
  stepEvents: [],
};

// As of 2026-11-23T05:00:00Z = 00:00 Monday 23 November in New York.
const plan: Plan = {
  asOf: '2026-11-23T05:00:00Z',
  steps: [
    step({ id: 'a1:status_check:i1:1', due: '2026-11-20', overdue: true }),
    step({ id: 'a1:thank_you:i2:c1', kind: 'thank_you', due: '2026-11-23', dueAt: '2026-11-23T21:00:00Z' }),
    step({ id: 'a1:reflect:i2', kind: 'reflect', to: [], channel: null, due: '2026-11-25' }),
    step({ id: 'a1:check_in:x1:1', kind: 'check_in', due: '2026-11-30' }),
    step({ id: 'a1:check_in:x1:2', kind: 'check_in', due: '2026-12-01' }),
  ],
  warnings: [{ kind: 'keep_searching', application: null, message: 'Fewer than 5 applications are active.' }],
};

describe('groupSteps', () => {
  it('splits by the as-of date in the seeker zone: overdue, today, 7 days, later', () => {
    const groups = groupSteps(plan, 'America/New_York');
    expect(groups.asOfDate).toBe('2026-11-23');
    expect(groups.overdue.map((s) => s.id)).toEqual(['a1:status_check:i1:1']);
    expect(groups.today.map((s) => s.id)).toEqual(['a1:thank_you:i2:c1']);
    // 23 Nov + 7 days = 30 Nov inclusive; 1 Dec is later.
    expect(groups.upcoming.map((s) => s.id)).toEqual(['a1:reflect:i2', 'a1:check_in:x1:1']);
    expect(groups.later.next?.id).toBe('a1:check_in:x1:2');
  });

  it('lists steps held by an unread reply apart, whatever their date', () => {
    const held = {
      ...plan,
      steps: plan.steps.map((s) => (s.to.length > 0 ? { ...s, overdue: false, heldBy: 'm1' } : s)),
    };
    const groups = groupSteps(held, 'America/New_York');
    expect(groups.held.map((s) => s.id)).toEqual(plan.steps.filter((s) => s.to.length > 0).map((s) => s.id));
    expect([...groups.overdue, ...groups.today].map((s) => s.id)).toEqual([]);
    const text = renderAgenda(held, facts, { style: plain, width: 80 });
    expect(text).toContain('Waiting for you to read a reply (4)');
    expect(text).toContain('(Northwind Analytics): held by message m1');
  });

  it('dates the as-of instant in the seeker zone, not UTC', () => {
    // 03:00Z on the 23rd is still the 22nd in New York.
    expect(groupSteps({ ...plan, asOf: '2026-11-23T03:00:00Z' }, 'America/New_York').asOfDate).toBe('2026-11-22');
  });
});

describe('renderAgenda', () => {
  const text = renderAgenda(plan, facts, { style: plain, width: 80 });

  it('shows warnings first, then the groups with names, channel, why and id', () => {
    const lines = text.split('\n');
    expect(lines[0]).toBe('Today, Mon 23 Nov 2026 · America/New_York');
    expect(text.indexOf('keep searching')).toBeLessThan(text.indexOf('Overdue (1)'));
    expect(text.indexOf('Overdue (1)')).toBeLessThan(text.indexOf('Today (1)'));
    expect(text.indexOf('Today (1)')).toBeLessThan(text.indexOf('Next 7 days (2)'));
    expect(text).toContain('  Fri 20 Nov  Ask for an update');
    expect(text).toContain('Northwind Analytics · Senior Data Analyst');
    expect(text).toContain('to Priya Raman · e-mail');
    expect(text).toContain('  by 16:00    Send a thank-you note');
    expect(text).toContain('for you');
    expect(text).toContain('id a1:thank_you:i2:c1');
    expect(text).not.toContain('a1:check_in:x1:2');
  });

  it('fits 80 columns and has no ANSI codes without colour', () => {
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    expect(text).not.toContain('\u001b[');
    expect(renderAgenda(plan, facts, { style: makeStyle(true), width: 80 })).toContain('\u001b[');
  });

  it('strips control characters from stored names', () => {
    const hostile = { ...facts, contacts: [{ ...facts.contacts[0]!, name: 'Eve\u001b[2J\r\nBcc: x' }] };
    const out = renderAgenda(plan, hostile, { style: plain, width: 80 });
    expect(out).not.toContain('\u001b');
    expect(out).toContain('to Eve[2J Bcc: x');
  });

  it('says what to do next when there is nothing to do', () => {
    const empty = renderAgenda({ ...plan, steps: [], warnings: [] }, { ...facts, applications: [] }, { style: plain, width: 80 });
    expect(empty).toContain('tactful add application');
    expect(empty).toContain('tactful demo');
    const quiet = renderAgenda({ ...plan, steps: [plan.steps[4]!], warnings: [] }, facts, { style: plain, width: 80 });
    expect(quiet.replace(/\s+/g, ' ')).toContain(
      'Nothing due in the next 7 days. Next: check in with something of value (Northwind Analytics) on Tue 1 Dec.',
    );
  });
});

describe('wrap and shortDate', () => {
  it('wraps at word boundaries, keeping over-long words whole', () => {
    expect(wrap('aaa bbb ccc', 7, '  ', '')).toEqual(['aaa bbb', '  ccc']);
    expect(wrap('https://very.long.example/url ok', 10)).toEqual(['https://very.long.example/url', 'ok']);
  });
  it('names the weekday', () => {
    expect(shortDate('2026-12-25')).toBe('Fri 25 Dec');
    expect(shortDate('2028-02-29')).toBe('Tue 29 Feb');
  });
});
