// A sane e-mail address check for what a person types (not RFC 5322 in full): one local part,
// one "@", a domain with a dot and letters at the end, no spaces, no angle brackets.

const ADDRESS =
  /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~.-]+@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}$/u;

export function isEmailAddress(value: string): boolean {
  return (
    ADDRESS.test(value) && !value.startsWith('.') && !value.includes('..') && !value.includes('.@')
  );
}

/** Addresses compare without case or surrounding spaces: Bob@X.example is bob@x.example. */
export function sameEmail(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();
}
