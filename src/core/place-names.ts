// What a person types for a place, and the code tactful needs: "UK" → GB-ENG, "London" →
// Europe/London. Used only to suggest a correction in an error message, never to guess silently.

/** Common names and codes people type for holiday regions. */
const REGION_ALIASES: Record<string, string> = {
  UK: 'GB-ENG',
  GB: 'GB-ENG',
  ENGLAND: 'GB-ENG',
  'UNITED KINGDOM': 'GB-ENG',
  SCOTLAND: 'GB-SCT',
  WALES: 'GB-WLS',
  'NORTHERN IRELAND': 'GB-NIR',
  USA: 'US',
  'UNITED STATES': 'US',
  AMERICA: 'US',
  IRELAND: 'IE',
  GERMANY: 'DE',
  BAVARIA: 'DE-BY',
  FRANCE: 'FR',
  CANADA: 'CA',
  ONTARIO: 'CA-ON',
  AUSTRALIA: 'AU',
  NSW: 'AU-NSW',
  'NEW SOUTH WALES': 'AU-NSW',
  EU: 'DE',
};

/**
 * A region code to suggest for `typed`, or undefined. `isRegion` says whether the holiday
 * source knows a code (the adapter owns the list of regions).
 */
export function suggestRegion(
  typed: string,
  isRegion: (code: string) => boolean,
): string | undefined {
  const upper = typed
    .trim()
    .toUpperCase()
    .replace(/[_ ]+(?=[A-Z]{2,3}$)/, '-');
  const alias = REGION_ALIASES[upper.replace(/[.]/g, '')];
  for (const candidate of [alias, upper]) {
    if (candidate !== undefined && candidate !== typed && isRegion(candidate)) return candidate;
  }
  return undefined;
}

/** Abbreviations people type for a zone; the suggestion is one zone that uses them. */
const ZONE_ALIASES: Record<string, string> = {
  EST: 'America/New_York',
  EDT: 'America/New_York',
  CST: 'America/Chicago',
  CDT: 'America/Chicago',
  MST: 'America/Denver',
  MDT: 'America/Denver',
  PST: 'America/Los_Angeles',
  PDT: 'America/Los_Angeles',
  GMT: 'Europe/London',
  BST: 'Europe/London',
  CET: 'Europe/Paris',
  CEST: 'Europe/Paris',
  IST: 'Asia/Kolkata',
  AEST: 'Australia/Sydney',
  UK: 'Europe/London',
};

/** An IANA zone to suggest for `typed` ("london", "new york", "EST"), or undefined. */
export function suggestTimeZone(typed: string, knownZones: readonly string[]): string | undefined {
  const key = typed.trim();
  const alias = ZONE_ALIASES[key.toUpperCase()];
  if (alias) return alias;
  const wanted = key.toLowerCase().replace(/[ -]+/g, '_');
  if (wanted === '') return undefined;
  return (
    knownZones.find((zone) => zone.toLowerCase() === wanted) ??
    knownZones.find((zone) => zone.toLowerCase().split('/').pop() === wanted)
  );
}

let zones: readonly string[] | undefined;

/** The zones this runtime knows (empty where Intl cannot list them). */
export function knownTimeZones(): readonly string[] {
  const intl = Intl as { supportedValuesOf?: (key: string) => string[] };
  zones ??= intl.supportedValuesOf?.('timeZone') ?? [];
  return zones;
}
