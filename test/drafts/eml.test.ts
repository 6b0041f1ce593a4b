// .eml and mailto: exports, parsed back by an independent reader (mailparser) header by header.
import { simpleParser, type AddressObject } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { renderDraft, type Draft } from '../../src/core/drafts/index.js';
import { toEml } from '../../src/mail/eml.js';
import { mailtoLink } from '../../src/mail/mailto.js';
import { loadTemplates } from '../../src/templates/loader.js';
import { demoFacts, everyCase } from './fixtures.js';
import { hostile } from './hostile.js';

const templates = await loadTemplates();
const DATE = new Date('2026-11-23T14:30:00Z');
const FROM = { name: 'Jordan Lée', email: 'jordan.lee@example.com' };

function draftFor(id: string, facts = demoFacts()): Draft {
  const c = everyCase(facts).find((x) => x.step.id === id);
  if (!c) throw new Error(`no case ${id}`);
  return renderDraft(c.step, facts, templates);
}

function addresses(field: AddressObject | AddressObject[] | undefined) {
  const list = Array.isArray(field) ? field : field ? [field] : [];
  return list.flatMap((a) => a.value).map((v) => ({ name: v.name, address: v.address }));
}

describe('.eml', () => {
  it('round-trips through mailparser header by header', async () => {
    const draft = draftFor('a1:thank_you:i2:c1');
    const eml = await toEml(draft, {
      from: FROM,
      date: DATE,
      messageId: 'a1.thank_you.i2.c1@tactful',
    });
    const mail = await simpleParser(eml);
    expect(addresses(mail.from)).toEqual([
      { name: 'Jordan Lée', address: 'jordan.lee@example.com' },
    ]);
    expect(addresses(mail.to)).toEqual([
      { name: 'Dana Reyes', address: 'dana.reyes@northwind.example' },
    ]);
    expect(mail.cc).toBeUndefined();
    expect(mail.bcc).toBeUndefined();
    expect(mail.subject).toBe('Thank you — Senior Backend Engineer interview');
    expect(mail.date?.toISOString()).toBe('2026-11-23T14:30:00.000Z');
    expect(mail.messageId).toBe('<a1.thank_you.i2.c1@tactful>');
    expect(mail.headers.get('x-unsent')).toBe('1');
    expect(mail.headers.get('mime-version')).toBe('1.0');
    expect(
      (mail.headers.get('content-type') as { value: string; params: Record<string, string> }).params
        .charset,
    ).toBe('utf-8');
    expect(mail.text?.trimEnd()).toBe(draft.body);
    expect([...mail.headers.keys()].sort()).toEqual([
      'content-transfer-encoding',
      'content-type',
      'date',
      'from',
      'message-id',
      'mime-version',
      'subject',
      'to',
      'x-unsent',
    ]);
  });

  it('encodes UTF-8 names and subjects; every header line is 7-bit ASCII', async () => {
    const facts = demoFacts();
    facts.contacts[0]!.name = 'Zoë Ørsted-Núñez 山田';
    facts.applications[0]!.role = 'Ingénieure principale — données';
    const draft = draftFor('a1:thank_you:i2:c1', facts);
    const eml = await toEml(draft, { from: FROM, date: DATE });
    const head = eml.slice(0, eml.indexOf('\r\n\r\n'));
    expect(head).toMatch(/^[\x20-\x7E\r\n\t]*$/);
    const mail = await simpleParser(eml);
    expect(addresses(mail.to)[0]!.name).toBe('Zoë Ørsted-Núñez 山田');
    expect(mail.subject).toBe('Thank you — Ingénieure principale — données interview');
    expect(mail.text).toContain('Hi Zoë,');
  });

  it('no header injection from any field of hostile facts', async () => {
    const facts = hostile(demoFacts());
    for (const c of everyCase(facts).filter((x) => x.step.channel === 'email')) {
      const draft = renderDraft(c.step, facts, templates);
      const eml = await toEml(draft, {
        from: { name: 'Jordan\r\nBcc: evil@example.com', email: 'jordan.lee@example.com' },
        date: DATE,
      });
      const mail = await simpleParser(eml);
      expect(mail.bcc).toBeUndefined();
      expect(mail.cc).toBeUndefined();
      expect(addresses(mail.to).map((a) => a.address)).toEqual(draft.to.map((r) => r.email));
      expect(mail.headers.has('x-evil')).toBe(false);
      expect(
        [...mail.headers.keys()].every((k) =>
          [
            'content-transfer-encoding',
            'content-type',
            'date',
            'from',
            'mime-version',
            'subject',
            'to',
            'x-unsent',
            'message-id',
          ].includes(k),
        ),
      ).toBe(true);
      expect(mail.subject).toBe(draft.subject);
      expect(mail.text?.trimEnd()).toBe(draft.body);
    }
  });

  it('refuses an address that smuggles headers, a recipient without e-mail, and non-e-mail drafts', async () => {
    const draft = draftFor('a1:thank_you:i2:c1');
    const smuggled = {
      ...draft,
      to: [{ id: 'c1', name: 'Dana', email: 'dana@x.example\r\nBcc: victim@example.com' }],
    };
    await expect(toEml(smuggled, { date: DATE })).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'to[0].email',
    });
    const two = {
      ...draft,
      to: [{ id: 'c1', name: 'Dana', email: 'dana@x.example, eve@y.example' }],
    };
    await expect(toEml(two, { date: DATE })).rejects.toMatchObject({ field: 'to[0].email' });
    await expect(
      toEml({ ...draft, to: [{ id: 'c2', name: 'Sam', email: null }] }, { date: DATE }),
    ).rejects.toMatchObject({ field: 'to[0].email' });
    await expect(
      toEml(draft, { from: { name: 'J', email: 'not an address' }, date: DATE }),
    ).rejects.toMatchObject({ field: 'from.email' });
    await expect(
      toEml(
        draftFor(
          'a1:status_check:i2:1:c1'.replace('status_check', 'connect').replace('i2:1', 'x1'),
        ),
        { date: DATE },
      ),
    ).rejects.toMatchObject({ field: 'format' });
  });

  it('without a From the client fills it in', async () => {
    const mail = await simpleParser(await toEml(draftFor('a1:thank_you:i2:c1'), { date: DATE }));
    expect(mail.from).toBeUndefined();
  });
});

describe('mailto:', () => {
  it('percent-encodes subject and body (RFC 6068) and decodes back exactly', () => {
    const draft = draftFor('a1:thank_you:i2:c1');
    const link = mailtoLink(draft);
    expect(link.startsWith('mailto:dana.reyes@northwind.example?subject=')).toBe(true);
    expect(link).toMatch(/^[A-Za-z0-9%.@,:?=&_~-]+$/);
    const url = new URL(link);
    expect(url.protocol).toBe('mailto:');
    const params = new URLSearchParams(link.slice(link.indexOf('?') + 1).replace(/\+/g, '%2B'));
    expect(params.get('subject')).toBe(draft.subject);
    expect(params.get('body')).toBe(draft.body.replace(/\n/g, '\r\n'));
  });

  it('encodes reserved characters and Unicode in every part', () => {
    const draft = {
      ...draftFor('a1:thank_you:i2:c1'),
      subject: 'R&D? 100% — “yes” #1 +',
      body: 'a&b=c\nd?e#f',
    };
    const link = mailtoLink(draft);
    expect(link).toContain(
      'subject=R%26D%3F%20100%25%20%E2%80%94%20%E2%80%9Cyes%E2%80%9D%20%231%20%2B',
    );
    expect(link).toContain('body=a%26b%3Dc%0D%0Ad%3Fe%23f');
  });

  it('several recipients are comma-separated; a bad address is refused', () => {
    const draft = {
      ...draftFor('a1:thank_you:i2:c1'),
      to: [
        { id: 'c1', name: 'Dana', email: 'dana@x.example' },
        { id: 'c9', name: 'Omar', email: 'o+jobs@y.example' },
      ],
    };
    expect(mailtoLink(draft).startsWith('mailto:dana@x.example,o%2Bjobs@y.example?')).toBe(true);
    for (const email of [
      'dana@x.example?bcc=eve@y.example',
      'dana@x.example\nbcc: eve@y.example',
      'dana@x.example&body=hi',
    ]) {
      expect(() => mailtoLink({ ...draft, to: [{ id: 'c1', name: 'Dana', email }] })).toThrow(
        expect.objectContaining({ field: 'to[0].email' }),
      );
    }
  });
});
