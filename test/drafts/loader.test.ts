// The template loader: built-in files, the user's override folder, locales, broken templates.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderDraft, requiredTemplateNames } from '../../src/core/drafts/index.js';
import { builtinTemplatesDir, loadTemplates } from '../../src/templates/loader.js';
import { demoFacts, everyCase } from './fixtures.js';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'tactful-templates-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function override(locale: string, name: string, text: string): Promise<void> {
  await mkdir(join(dataDir, 'templates', locale), { recursive: true });
  await writeFile(join(dataDir, 'templates', locale, `${name}.mustache`), text);
}

describe('loadTemplates', () => {
  it('the built-in English set has every kind × channel body and every e-mail subject', async () => {
    const set = await loadTemplates();
    const names = requiredTemplateNames();
    // 29 bodies + 10 e-mail subjects (connect is LinkedIn only; answer_offer has accept and decline)
    expect(names.length).toBe(39);
    for (const name of names) expect(set[name], name).toBeTypeOf('string');
    expect(builtinTemplatesDir()).toMatch(/templates$/);
  });

  it('a file in <data dir>/templates/en overrides the built-in one, the rest stay', async () => {
    await override('en', 'thank_you.email', '{{greeting}}\n\nThanks a lot!\n\n{{signature}}');
    const set = await loadTemplates({ dataDir });
    const facts = demoFacts();
    const step = everyCase(facts).find((c) => c.step.id === 'a1:thank_you:i2:c1')!.step;
    expect(renderDraft(step, facts, set).body).toBe(
      'Hi Dana,\n\nThanks a lot!\n\nJordan Lee\njordan.lee@example.com · +1 555 010 0199\nhttps://linkedin.com/in/jordanlee',
    );
    expect(set['status_check.email']).toBe((await loadTemplates())['status_check.email']);
  });

  it('a new locale is a new folder; what it lacks falls back to English', async () => {
    await override('fr', 'thank_you.email.subject', 'Merci — entretien {{role}}');
    const set = await loadTemplates({ locale: 'fr', dataDir });
    expect(set['thank_you.email.subject']).toBe('Merci — entretien {{role}}');
    expect(set['thank_you.email']).toContain('Thank you for taking the time');
  });

  it('files that are not templates are ignored', async () => {
    await override('en', 'notes', 'not a template');
    await writeFile(join(dataDir, 'templates', 'en', 'README.md'), '# mine');
    const set = await loadTemplates({ dataDir });
    expect(Object.keys(set).sort()).toEqual(requiredTemplateNames().sort());
  });

  it('a broken template is a DomainError naming the file', async () => {
    await override('en', 'thank_you.email', 'Hi {{#greeting}} unclosed');
    await expect(loadTemplates({ dataDir })).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'templates.' + join(dataDir, 'templates', 'en', 'thank_you.email.mustache'),
      message: expect.stringContaining('thank_you.email.mustache'),
    });
  });

  it('a misspelt variable in an override is refused, naming the file and the variable', async () => {
    await override('en', 'status_check.email', '{{greeting}} about {{organisation}}');
    await expect(loadTemplates({ dataDir })).rejects.toThrow(
      /status_check\.email\.mustache: unknown variable \{\{organisation\}\}/,
    );
  });

  it('refuses a locale that could leave the folder, and one nobody provides', async () => {
    for (const locale of ['../../etc', 'en/../../x', '', 'EN_us']) {
      await expect(loadTemplates({ locale, dataDir })).rejects.toMatchObject({
        code: 'invalid_input',
        field: 'locale',
      });
    }
    await expect(loadTemplates({ locale: 'xx', dataDir })).rejects.toMatchObject({
      code: 'not_found',
      field: 'locale',
    });
  });
});
