// Lists and nested objects live in JSON text columns (the same SQL on SQLite and PostgreSQL).
export function toJson(value: unknown): string {
  return JSON.stringify(value);
}

const EMPTY_LIST = '[]';

export function fromJson<T>(text: string): T {
  // Most lists are empty; skipping the parser for them matters when loading 100,000 rows.
  return (text === EMPTY_LIST ? [] : JSON.parse(text)) as T;
}

/** A sort key giving natural order (`a2` before `a10`): digit runs padded to a fixed width. */
export function naturalKey(id: string): string {
  return id.replace(/\d+/g, (digits) => digits.padStart(20, '0'));
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Ids in natural order, identical on every dialect (no SQL collation involved). */
export function compareIds(a: string, b: string): number {
  return compareStrings(naturalKey(a), naturalKey(b)) || compareStrings(a, b);
}

/** Sorts by a key computed once per item (cheap for 100,000 rows). */
export function sortByKey<T>(items: T[], key: (item: T) => string): T[] {
  const keyed = items.map((item) => ({ item, key: key(item) }));
  keyed.sort((a, b) => compareStrings(a.key, b.key));
  return keyed.map((k) => k.item);
}

/** Natural id order for many records at once. */
export function sortById<T extends { id: string }>(items: T[]): T[] {
  return sortByKey(items, (item) => `${naturalKey(item.id)}\u0000${item.id}`);
}
