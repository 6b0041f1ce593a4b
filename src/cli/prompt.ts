// Missing required flags: prompt when a person is at the keyboard, else a one-line error.
import type { CommandContext } from './context.js';
import { UserError } from './errors.js';

async function clack() {
  return import('@clack/prompts');
}

/** The flag's value, or an answer typed at a prompt (stdin a TTY), or a UserError naming the flag. */
export async function required(ctx: CommandContext, flag: string, label: string, value: string | undefined): Promise<string> {
  if (value !== undefined && value.trim() !== '') return value;
  if (!ctx.deps.stdinIsTty) throw new UserError(`missing required flag ${flag} (${label})`);
  const prompts = await clack();
  const answer = await prompts.text({
    message: label,
    validate: (input) => (input === undefined || input.trim() === '' ? `${label} is required` : undefined),
  });
  if (prompts.isCancel(answer)) throw new UserError('cancelled');
  return answer;
}

/** Like `required`, for a fixed set of choices. */
export async function requiredChoice<T extends string>(
  ctx: CommandContext,
  flag: string,
  label: string,
  value: string | undefined,
  choices: readonly T[],
): Promise<string> {
  if (value !== undefined) return value;
  if (!ctx.deps.stdinIsTty) throw new UserError(`missing required flag ${flag} (${label}: ${choices.join('|')})`);
  const prompts = await clack();
  const answer = await prompts.select({
    message: label,
    options: choices.map((choice) => ({ value: choice as string, label: choice })),
  });
  if (prompts.isCancel(answer)) throw new UserError('cancelled');
  return answer;
}

/** A yes/no question at the terminal (the caller has checked that stdin is one); no by default. */
export async function confirm(message: string): Promise<boolean> {
  const prompts = await clack();
  const answer = await prompts.confirm({ message, initialValue: false });
  if (prompts.isCancel(answer)) throw new UserError('cancelled');
  return answer;
}

/**
 * A text answer checked by `problem` (null when fine, else what is wrong): a bad answer is
 * explained and asked again, never the end of the command.
 */
export async function askUntilValid(label: string, problem: (answer: string) => string | null, placeholder?: string): Promise<string> {
  const prompts = await clack();
  const answer = await prompts.text({
    message: label,
    placeholder,
    validate: (input) => {
      if (input === undefined || input.trim() === '') return `${label} is required`;
      return problem(input.trim()) ?? undefined;
    },
  });
  if (prompts.isCancel(answer)) throw new UserError('cancelled');
  return answer.trim();
}

/** One of `options`, picked from a list. */
export async function pick(label: string, options: { value: string; label: string; hint?: string }[]): Promise<string> {
  const prompts = await clack();
  const answer = await prompts.select({ message: label, options });
  if (prompts.isCancel(answer)) throw new UserError('cancelled');
  return answer;
}

/** Any of `options` (space to tick, enter to go on); none is a valid answer. */
export async function pickMany(label: string, options: { value: string; label: string; hint?: string }[]): Promise<string[]> {
  const prompts = await clack();
  const answer = await prompts.multiselect({ message: label, options, required: false });
  if (prompts.isCancel(answer)) throw new UserError('cancelled');
  return answer;
}

/** An optional text answer (empty is none), re-asked while `problem` finds one. */
export async function askOptional(label: string, problem: (answer: string) => string | null = () => null): Promise<string | undefined> {
  const prompts = await clack();
  const answer = await prompts.text({
    message: label,
    validate: (input) => (input === undefined || input.trim() === '' ? undefined : (problem(input.trim()) ?? undefined)),
  });
  if (prompts.isCancel(answer)) throw new UserError('cancelled');
  return answer === undefined || answer.trim() === '' ? undefined : answer.trim();
}
