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
