// `tactful import FILE`: the JSON document of SPEC §6, in one transaction, idempotent by id.
import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { UNDO_HINT } from '../undo-hint.js';
import { UserError } from '../errors.js';

function count(value: unknown): number {
  return Array.isArray(value) ? value.length : 0;
}

/** "3 contacts, 2 applications, …": what a (valid) document holds. */
export function summarize(document: unknown): string {
  const doc = (document ?? {}) as Record<string, unknown>;
  const applications = Array.isArray(doc.applications) ? (doc.applications as Record<string, unknown>[]) : [];
  const interviews = applications.reduce((n, a) => n + count(a?.interviews), 0);
  const interactions = applications.reduce((n, a) => n + count(a?.interactions), 0);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return [
    plural(count(doc.contacts), 'contact'),
    plural(applications.length, 'application'),
    plural(interviews, 'interview'),
    plural(interactions, 'interaction'),
    plural(count(doc.stepEvents), 'step event'),
  ].join(', ');
}

export async function readJsonFile(ctx: CommandContext, file: string): Promise<unknown> {
  const text = await ctx.deps.readTextFile(file);
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UserError(`${file}: not valid JSON (${reason})`);
  }
}

export function registerImport(program: Command, ctx: CommandContext): void {
  program
    .command('import')
    .description('import a tactful JSON document (re-importing the same ids updates, never duplicates)')
    .argument('<file>', 'JSON document (format "tactful/v1")')
    .action(async (file: string) => {
      const document = await readJsonFile(ctx, file);
      const services = await ctx.services();
      const outcome = await services.importDocument(document);
      ctx.print(
        `Imported ${summarize(document)} from ${file}: ${outcome.created} new, ${outcome.updated} updated, ${outcome.unchanged} unchanged.` +
          (outcome.created + outcome.updated > 0 ? ` ${UNDO_HINT}` : ''),
      );
    });
}
