// Reads draft templates from disk: the built-in `templates/<locale>/` folder, overridden file
// by file by `<data dir>/templates/<locale>/`. Rendering happens in src/core/drafts.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertTemplate, requiredTemplateNames, type TemplateSet } from '../core/drafts/index.js';
import { DomainError } from '../core/errors.js';

export interface LoadTemplatesOptions {
  /** A folder name such as `en` or `pt-BR`; default `en`. Missing files fall back to `en`. */
  locale?: string;
  /** The user's data directory; its `templates/<locale>/` files take precedence. */
  dataDir?: string | null;
  /** Where the built-in templates live (tests); default: the package's `templates/`. */
  builtinDir?: string;
}

const LOCALE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
const TEMPLATE_FILE = /^([a-z_]+\.[a-z_]+(?:\.subject)?)\.mustache$/;
const MAX_TEMPLATE_BYTES = 64 * 1024;

/** The package's own `templates/` folder, found from this module (works from src/ and dist/). */
export function builtinTemplatesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i += 1) {
    if (existsSync(join(dir, 'templates', 'en')) && existsSync(join(dir, 'package.json')))
      return join(dir, 'templates');
    dir = dirname(dir);
  }
  throw new DomainError(
    'not_found',
    'the built-in templates folder is missing from this installation',
    'templates',
  );
}

async function readFolder(folder: string): Promise<Record<string, string>> {
  if (!existsSync(folder)) return {};
  const out: Record<string, string> = {};
  for (const file of (await readdir(folder)).sort()) {
    const name = TEMPLATE_FILE.exec(file)?.[1];
    if (!name) continue;
    const text = await readFile(join(folder, file), 'utf8');
    if (Buffer.byteLength(text) > MAX_TEMPLATE_BYTES) {
      throw new DomainError(
        'invalid_input',
        `template ${join(folder, file)} is larger than 64 KB`,
        `templates.${name}`,
      );
    }
    assertTemplate(join(folder, file), text);
    out[name] = text;
  }
  return out;
}

/**
 * The template set for `locale`: built-in English, then the built-in locale, then the user's
 * overrides. Throws `invalid_input` for a malformed locale or template, `not_found` for a
 * locale no folder provides.
 */
export async function loadTemplates(options: LoadTemplatesOptions = {}): Promise<TemplateSet> {
  const locale = options.locale ?? 'en';
  if (!LOCALE.test(locale)) {
    throw new DomainError(
      'invalid_input',
      `locale must look like "en" or "pt-BR", got "${locale}"`,
      'locale',
    );
  }
  const builtin = options.builtinDir ?? builtinTemplatesDir();
  const folders = [join(builtin, 'en')];
  if (locale !== 'en') folders.push(join(builtin, locale));
  if (options.dataDir) folders.push(join(options.dataDir, 'templates', locale));
  if (locale !== 'en' && !folders.slice(1).some((f) => existsSync(f))) {
    throw new DomainError('not_found', `no templates for locale "${locale}"`, 'locale');
  }
  const set: Record<string, string> = {};
  for (const folder of folders) Object.assign(set, await readFolder(folder));
  const missing = requiredTemplateNames().filter((name) => set[name] === undefined);
  if (missing.length > 0) {
    throw new DomainError('not_found', `templates missing: ${missing.join(', ')}`, 'templates');
  }
  return Object.freeze(set);
}
