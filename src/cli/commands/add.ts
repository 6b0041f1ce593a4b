// `tactful add contact|application|interview`: every field a flag; a missing required flag is
// prompted for when a person is at the keyboard, else a one-line error naming it.
import type { Command } from 'commander';
import { CHANCES, SOURCES } from '../../core/types.js';
import type { CommandContext } from '../context.js';
import { checkChoice, checkInteger, list } from '../options.js';
import { parseNoteFor } from '../note-for.js';
import { UserError } from '../errors.js';
import { required, requiredChoice } from '../prompt.js';

interface ContactFlags {
  id?: string;
  name?: string;
  title?: string;
  organization?: string;
  email?: string;
  phone?: string;
  linkedin?: string;
  reference?: boolean;
  notes?: string;
}

interface ApplicationFlags {
  id?: string;
  organization?: string;
  role?: string;
  source?: string;
  region?: string;
  createdOn?: string;
  agent?: string;
  references?: string[];
  pros?: string[];
  cons?: string[];
  strengths?: string[];
}

interface InterviewFlags {
  id?: string;
  application?: string;
  round?: string;
  start?: string;
  timezone?: string;
  duration?: string;
  format?: string;
  interviewers?: string[];
  decisionBy?: string;
  quickDecision?: boolean;
  unavailableUntil?: string;
  final?: boolean;
  chance?: string;
  keyPoints?: string[];
  forgot?: string[];
  promises?: string[];
  noteFor?: string[];
}

function registerContact(add: Command, ctx: CommandContext): void {
  add
    .command('contact')
    .description('add or update a contact (an interviewer, recruiter, agent or reference)')
    .option('--id <id>', 'id (default: the next free c<N>, e.g. c7)')
    .option('--name <name>', 'full name (required)')
    .option('--title <title>', 'job title')
    .option('--organization <organization>', 'organisation')
    .option('--email <email>', 'e-mail address')
    .option('--phone <phone>', 'phone number')
    .option('--linkedin <url>', 'LinkedIn profile URL')
    .option('--reference', 'this person vouches for you')
    .option('--notes <notes>', 'free notes')
    .action(async (flags: ContactFlags) => {
      const name = await required(ctx, '--name', 'Name', flags.name);
      const services = await ctx.services();
      const contact = await services.addContact({
        id: flags.id,
        name,
        title: flags.title,
        organization: flags.organization,
        email: flags.email,
        phone: flags.phone,
        linkedin: flags.linkedin,
        isReference: flags.reference,
        notes: flags.notes,
      });
      ctx.print(`Saved contact ${contact.id} (${contact.name}).`);
    });
}

function registerApplication(add: Command, ctx: CommandContext): void {
  add
    .command('application')
    .description('add or update an application (one role at one organisation)')
    .option('--id <id>', 'id (default: the next free a<N>, e.g. a7)')
    .option('--organization <organization>', 'organisation (required)')
    .option('--role <role>', 'role (required)')
    .option('--source <source>', `who you deal with: ${SOURCES.join('|')} (required)`)
    .option('--region <region>', 'holiday region of the organisation, e.g. US, GB-ENG, DE-BY')
    .option('--created-on <date>', 'date you applied, YYYY-MM-DD (default: today)')
    .option('--agent <contact>', 'contact id of the recruiter or agent')
    .option('--references <contact...>', 'contact ids of your references for this role')
    .option('--pros <text...>', 'what attracts you')
    .option('--cons <text...>', 'what worries you')
    .option('--strengths <text...>', 'areas where you would excel')
    .action(async (flags: ApplicationFlags) => {
      const organization = await required(ctx, '--organization', 'Organisation', flags.organization);
      const role = await required(ctx, '--role', 'Role', flags.role);
      const { checkDate } = await import('../date-options.js');
      const source = checkChoice('--source', await requiredChoice(ctx, '--source', 'Source', flags.source, SOURCES), SOURCES)!;
      const services = await ctx.services();
      const saved = await services.addApplication({
        id: flags.id,
        organization,
        role,
        source,
        region: flags.region,
        createdOn: checkDate('--created-on', flags.createdOn),
        agent: flags.agent,
        references: list(flags.references),
        pros: flags.pros,
        cons: flags.cons,
        strengths: flags.strengths,
      });
      ctx.print(`Saved application ${saved.id} (${saved.organization} · ${saved.role}).`);
    });
}

function registerInterview(add: Command, ctx: CommandContext): void {
  add
    .command('interview')
    .description('add or update an interview round')
    .option('--id <id>', 'id (default: the next free i<N>, e.g. i12)')
    .option('--application <id>', 'application id (required)')
    .option('--round <n>', 'round number (default: the next one)')
    .option('--start <local>', 'local start YYYY-MM-DDTHH:mm (required)')
    .option('--timezone <zone>', 'IANA time zone of the start (default: yours)')
    .option('--duration <minutes>', 'duration in minutes (default 60)')
    .option('--format <format>', 'video, phone, onsite …')
    .option('--interviewers <contact...>', 'contact ids, lead interviewer first')
    .option('--decision-by <date>', 'decision date they stated, YYYY-MM-DD')
    .option('--quick-decision', 'they said they decide quickly')
    .option('--unavailable-until <date>', 'the employer is away until YYYY-MM-DD')
    .option('--final', 'this is the final round')
    .option('--chance <chance>', `your sense of your chances: ${CHANCES.join('|')}`)
    .option('--key-points <text...>', 'key points discussed')
    .option('--forgot <text...>', 'what you forgot to mention')
    .option('--promises <text...>', 'what you promised to send')
    .option('--note-for <contact=text...>', 'a key point discussed with one interviewer, e.g. c2="peak season staffing" (repeatable)')
    .action(async (flags: InterviewFlags) => {
      const application = await required(ctx, '--application', 'Application id', flags.application);
      const { checkDate, checkLocalDateTime } = await import('../date-options.js');
      const start = checkLocalDateTime('--start', await required(ctx, '--start', 'Start (YYYY-MM-DDTHH:mm)', flags.start));
      const services = await ctx.services();
      const saved = await services.addInterview({
        id: flags.id,
        application,
        round: checkInteger('--round', flags.round, 1, 99),
        start,
        timezone: flags.timezone,
        durationMinutes: checkInteger('--duration', flags.duration, 1, 24 * 60),
        format: flags.format,
        interviewers: list(flags.interviewers),
        decisionExpectedBy: checkDate('--decision-by', flags.decisionBy),
        quickDecision: flags.quickDecision,
        unavailableUntil: checkDate('--unavailable-until', flags.unavailableUntil),
        final: flags.final,
        chance: checkChoice('--chance', flags.chance, CHANCES),
        keyPoints: flags.keyPoints,
        forgot: flags.forgot,
        promises: flags.promises,
        byInterviewer: parseNoteFor(flags.noteFor),
      });
      ctx.print(`Saved interview ${saved.interview.id} (round ${saved.interview.round} of ${saved.application}).`);
    });
}

export function registerAdd(program: Command, ctx: CommandContext): void {
  const add = program
    .command('add')
    .description('add a contact, an application or an interview')
    .action(() => {
      throw new UserError('add what? tactful add contact|application|interview (see tactful add --help)');
    });
  registerContact(add, ctx);
  registerApplication(add, ctx);
  registerInterview(add, ctx);
}
