// Lists and nested objects live in JSON text columns (the same SQL on SQLite and PostgreSQL).
export function toJson(value: unknown): string {
  return JSON.stringify(value);
}

export function fromJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

const collator = new Intl.Collator('en', { numeric: true });

/** Ids in natural order (`a2` before `a10`), identical on every dialect (no SQL collation). */
export function compareIds(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
