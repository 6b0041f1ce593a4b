import { describe, expect, it } from 'vitest';
import {
  channelLabel,
  interactionSentence,
  kindLabel,
  nameList,
  sourceLabel,
  statusLabel,
} from './labels.js';
import { APPLICATION_STATUSES, CHANNELS, INBOUND_KINDS, OUTBOUND_KINDS, SOURCES } from './types.js';

describe('labels', () => {
  it('spells channels as people write them', () => {
    expect(CHANNELS.map(channelLabel)).toEqual([
      'E-mail',
      'Phone call',
      'Voicemail',
      'Letter',
      'LinkedIn',
      'In person',
    ]);
  });

  it('has a word for every kind, status and source, never a code', () => {
    for (const code of [...OUTBOUND_KINDS, ...INBOUND_KINDS, ...APPLICATION_STATUSES, ...SOURCES]) {
      const words = [kindLabel(code), statusLabel(code), sourceLabel(code)];
      expect(words.some((w) => w.includes('_'))).toBe(false);
    }
    expect(kindLabel('thank_you')).toBe('Thank-you');
    expect(kindLabel('references_heads_up')).toBe('References heads-up');
    expect(statusLabel('withdrawn')).toBe('Withdrawn');
  });

  it('joins names with "and"', () => {
    expect(nameList([])).toBe('');
    expect(nameList(['Priya Raman'])).toBe('Priya Raman');
    expect(nameList(['A', 'B', 'C'])).toBe('A, B and C');
  });
});

describe('interactionSentence', () => {
  it('says what was sent, to whom and how', () => {
    expect(
      interactionSentence({
        direction: 'out',
        kind: 'thank_you',
        channel: 'email',
        people: ['Priya Raman'],
      }),
    ).toBe('Thank-you sent to Priya Raman by e-mail');
    expect(
      interactionSentence({
        direction: 'out',
        kind: 'connect',
        channel: 'linkedin',
        people: ['Dana Reyes'],
      }),
    ).toBe('Connection request sent to Dana Reyes on LinkedIn');
    expect(
      interactionSentence({
        direction: 'out',
        kind: 'status_check',
        channel: 'phone',
        people: ['Tom Ng', 'Ana Silva'],
      }),
    ).toBe('Status check to Tom Ng and Ana Silva by phone call');
    expect(
      interactionSentence({ direction: 'out', kind: 'thank_you', channel: 'letter', people: [] }),
    ).toBe('Thank-you sent by letter');
  });

  it('says who answered', () => {
    expect(
      interactionSentence({ direction: 'in', kind: 'reply', channel: 'email', people: ['Tom Ng'] }),
    ).toBe('Reply from Tom Ng by e-mail');
    expect(
      interactionSentence({ direction: 'in', kind: 'rejection', channel: null, people: [] }),
    ).toBe('Rejection');
  });
});
