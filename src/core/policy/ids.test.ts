import { describe, expect, it } from 'vitest';
import { organisationKey, stepId } from './ids.js';

describe('step ids and organisation keys', () => {
  it('builds <application>:<kind>:<anchor>[:<n>][:<contact>]', () => {
    expect(stepId('a1', 'thank_you', 'i2', null, 'c1')).toBe('a1:thank_you:i2:c1');
    expect(stepId('a1', 'status_check', 'r9', 2)).toBe('a1:status_check:r9:2');
    expect(stepId('a1', 'references_heads_up', 'app', undefined, 'c5')).toBe('a1:references_heads_up:app:c5');
    expect(stepId('a1', 'move_on', 'i1')).toBe('a1:move_on:i1');
  });

  it('keys organisations trimmed, inner spaces collapsed, lower-cased', () => {
    expect(organisationKey('  Acme\t  Corp ')).toBe('acme corp');
    expect(organisationKey('ACME CORP')).toBe(organisationKey('acme corp'));
  });
});
