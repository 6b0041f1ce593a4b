// Flag value checks shared by the commands: each failure names the flag. Date checks live in
// date-options.ts, loaded only by commands that take dates (they pull in the calendar).
import { UserError } from './errors.js';

/** A whole number in [min, max]; rejects "3.5", "1e9", "NaN", "". */
export function checkInteger(flag: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new UserError(`${flag} must be a whole number from ${min} to ${max} (got "${value}")`);
  }
  return Number(value);
}

export function checkChoice<T extends string>(flag: string, value: string | undefined, choices: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(choices as readonly string[]).includes(value)) {
    throw new UserError(`${flag} must be one of ${choices.join(', ')} (got "${value}")`);
  }
  return value as T;
}

/** Variadic flags may also be given comma-separated: `--to c1,c2` = `--to c1 c2`. */
export function list(values: string[] | undefined): string[] | undefined {
  if (values === undefined) return undefined;
  return values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
}
