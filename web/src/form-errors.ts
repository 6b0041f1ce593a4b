// Form errors beside their fields: the API answers one `{ code, message, field }`; the forms
// check the obvious things themselves first, so several errors show at once.
import type { ApiError } from './api.js';

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

export interface FormErrors<K extends string> {
  fields: FieldErrors<K>;
  /** An error no field of the form owns (a conflict, the server unreachable). */
  general: string | null;
}

export const NO_ERRORS: FormErrors<never> = { fields: {}, general: null };

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * "region: unknown holiday region …" → "Unknown holiday region …": beside the field, its label
 * already names it, and the API's field name is not a word the seeker knows.
 */
export function withoutField(message: string, field: string | undefined): string {
  const prefix = /^[\w.[\]]+: /.exec(message)?.[0];
  const text =
    prefix && (!field || prefix === `${field}: `) ? message.slice(prefix.length) : message;
  return capitalise(text);
}

/**
 * Places the API's error beside the input that `fields` maps its field to: the longest mapped
 * name the field is or starts with (`prosCons.pros[2]` → `prosCons.pros`); an unmapped field
 * stays general.
 */
export function placeApiError<K extends string>(
  error: ApiError,
  fields: Readonly<Partial<Record<string, K>>>,
): FormErrors<K> {
  const field = error.field ?? '';
  const name = Object.keys(fields)
    .filter((k) => field === k || field.startsWith(`${k}.`) || field.startsWith(`${k}[`))
    .sort((a, b) => b.length - a.length)[0];
  const key = name === undefined ? undefined : fields[name];
  const message = withoutField(error.message, error.field);
  if (!key) return { fields: {}, general: message };
  return { fields: { [key]: message } as FieldErrors<K>, general: null };
}

export function hasErrors(errors: FormErrors<string>): boolean {
  return errors.general !== null || Object.values(errors.fields).some(Boolean);
}

/** Moves the keyboard to the first field marked invalid (after React has rendered it). */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => {
    form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  });
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The checks a browser can make before asking the server; each returns the message or null. */
export const check = {
  required: (value: string, what: string): string | null =>
    value.trim() === '' ? `${what} is required` : null,
  email: (value: string): string | null =>
    value.trim() !== '' && !EMAIL.test(value.trim())
      ? 'Not an e-mail address (name@example.com)'
      : null,
  webAddress: (value: string): string | null =>
    value.trim() !== '' && !/^https?:\/\/\S+$/i.test(value.trim())
      ? 'A web address starting with https://'
      : null,
  wholeNumber: (value: string, min: number, max: number): string | null => {
    const n = Number(value);
    return value.trim() === '' || !Number.isInteger(n) || n < min || n > max
      ? `A whole number from ${min} to ${max}`
      : null;
  },
};

/** Keeps only the entries that hold a message. */
export function collect<K extends string>(
  entries: Partial<Record<K, string | null>>,
): FieldErrors<K> {
  return Object.fromEntries(
    Object.entries(entries).filter(([, message]) => message),
  ) as FieldErrors<K>;
}
