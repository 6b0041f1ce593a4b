// `tactful edit contact ID [--name …] [--email …] …`: change a contact; omitted flags keep
// their value. (Applications and interviews change by re-import or in the web app.)
import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { UserError } from '../errors.js';
import { UNDO_HINT } from '../undo-hint.js';

interface ContactFlags {
  name?: string;
  title?: string;
  organization?: string;
  email?: string;
  phone?: string;
  linkedin?: string;
  reference?: boolean;
  notes?: string;
}

export function registerEdit(program: Command, ctx: CommandContext): void {
  const edit = program
    .command('edit')
    .description('change a contact')
    .action(() => {
      throw new UserError('edit what? tactful edit contact ID --email … (see tactful edit contact --help)');
    });
  edit
    .command('contact')
    .description('change a contact; omitted flags keep their value')
    .argument('<id>', 'the contact id, e.g. c3 (tactful list contacts)')
    .option('--name <name>', 'full name')
    .option('--title <title>', 'job title')
    .option('--organization <organization>', 'organisation')
    .option('--email <email>', 'e-mail address')
    .option('--phone <phone>', 'phone number')
    .option('--linkedin <url>', 'LinkedIn profile URL')
    .option('--reference', 'this person vouches for you')
    .option('--notes <notes>', 'free notes')
    .action(async (id: string, flags: ContactFlags) => {
      const { reference, ...fields } = flags;
      const contact = await (await ctx.services()).updateContact(id, { ...fields, isReference: reference });
      ctx.print(`Saved contact ${contact.id} (${contact.name}). ${UNDO_HINT}`);
    });
}
