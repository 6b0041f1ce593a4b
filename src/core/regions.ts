// Holiday regions by name: the searchable list behind the region pickers and the "did you
// mean" of a refused code ("UK" → GB-ENG). Pure: the list of regions arrives as an argument
// (the server builds it from date-holidays, which never reaches the browser).

/** A holiday region: a country (`DE`) or one of its subdivisions (`DE-BY`). */
export interface RegionName {
  /** The code tactful stores: `US`, `GB-ENG`, `DE-BY`. */
  code: string;
  /** "United Kingdom". */
  country: string;
  /** "England"; null for the country itself. */
  subdivision: string | null;
}

/** "United Kingdom — England (GB-ENG)", "Ireland (IE)". */
export function regionLabel(region: RegionName): string {
  const name = region.subdivision ? `${region.country} — ${region.subdivision}` : region.country;
  return `${name} (${region.code})`;
}

/** Names people use for a country that are not its code or its English name. */
const COUNTRY_ALIASES: Readonly<Record<string, string>> = {
  uk: 'GB',
  'u.k.': 'GB',
  britain: 'GB',
  'great britain': 'GB',
  usa: 'US',
  'u.s.': 'US',
  'u.s.a.': 'US',
  america: 'US',
  'united states': 'US',
  uae: 'AE',
  emirates: 'AE',
  holland: 'NL',
  czechia: 'CZ',
  deutschland: 'DE',
  bavaria: 'DE-BY',
  'south korea': 'KR',
  korea: 'KR',
};

/**
 * Where a country's own calendar misses holidays most of its people have, the subdivision
 * offered first: date-holidays' GB lacks England's summer bank holiday, and England is where
 * most of the UK lives.
 */
const PREFERRED: Readonly<Record<string, string>> = { GB: 'GB-ENG' };

/** Lower case, no accents, one space; "_" and spaces between letters of a code read as "-". */
function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

function codeForm(text: string): string {
  return normalise(text).replace(/[\s_]+/g, '-');
}

const countryOf = (code: string): string => code.split('-')[0]!;

/** A region's names, folded once per list (searching folds only the query). */
interface Folded {
  region: RegionName;
  code: string;
  country: string;
  subdivision: string | null;
  words: string[];
  label: string;
}

const foldedLists = new WeakMap<readonly RegionName[], Folded[]>();

function folded(regions: readonly RegionName[]): Folded[] {
  let list = foldedLists.get(regions);
  if (!list) {
    list = regions.map((region) => {
      const country = normalise(region.country);
      const subdivision = region.subdivision ? normalise(region.subdivision) : null;
      return {
        region,
        code: region.code.toLowerCase(),
        country,
        subdivision,
        words: `${country} ${subdivision ?? ''}`.split(/[\s\-—()]+/),
        label: normalise(regionLabel(region)),
      };
    });
    foldedLists.set(regions, list);
  }
  return list;
}

/** Lower is better; null: no match. `query` is normalised, `asCode` its code form. */
function score(f: Folded, query: string, asCode: string): number | null {
  const { code, country, subdivision } = f;
  if (code === asCode) return 0;
  const alias = COUNTRY_ALIASES[query];
  if (alias) {
    const target = alias.toLowerCase();
    if (code === target || (!target.includes('-') && countryOf(code) === target)) return 1;
  }
  if (code.startsWith(asCode) || (subdivision && code.split('-')[1] === asCode)) return 2;
  // A country by name brings its subdivisions along ("United Kingdom" finds GB-ENG).
  if (country === query) return 2.5;
  if (country.startsWith(query)) return 3;
  if (subdivision?.startsWith(query)) return 3.5;
  if (f.words.some((w) => w.startsWith(query))) return 4;
  if (f.label.includes(query)) return 5;
  return null;
}

/** Within one score: a country's preferred subdivision, then the country, then by name. */
function rank(region: RegionName): number {
  if (PREFERRED[countryOf(region.code)] === region.code) return 0;
  return region.subdivision ? 2 : 1;
}

/**
 * The regions matching what the seeker typed, best first: a code ("gb-eng"), a country by
 * name or common name ("UK", "United Kingdom"), a subdivision ("Bayern"), any word of the name.
 * An empty query lists every region.
 */
export function searchRegions(
  query: string,
  regions: readonly RegionName[],
  limit = Infinity,
): RegionName[] {
  const q = normalise(query);
  const asCode = codeForm(query);
  const scored = folded(regions)
    .map((f) => ({ f, region: f.region, s: q === '' ? 0 : score(f, q, asCode) }))
    .filter((x): x is { f: Folded; region: RegionName; s: number } => x.s !== null);
  scored.sort(
    (a, b) =>
      a.s - b.s ||
      rank(a.region) - rank(b.region) ||
      (a.f.label < b.f.label ? -1 : a.f.label > b.f.label ? 1 : 0),
  );
  return scored.slice(0, limit).map((x) => x.region);
}

/**
 * The region someone most likely meant by a code tactful does not know ("UK" → GB-ENG,
 * "gb eng" → GB-ENG, "Germany" → DE); null when nothing is close. Never returns the input.
 */
export function suggestRegion(input: string, regions: readonly RegionName[]): RegionName | null {
  if (normalise(input) === '') return null;
  const [best] = searchRegions(input, regions, 1);
  if (!best || best.code === input) return null;
  const f = folded(regions).find((x) => x.region === best)!;
  const s = score(f, normalise(input), codeForm(input));
  return s !== null && s <= 3.5 ? best : null;
}

/** `unknown holiday region "UK": did you mean GB-ENG (United Kingdom — England)?` */
export function unknownRegionMessage(input: string, regions: readonly RegionName[]): string {
  const suggestion = suggestRegion(input, regions);
  const base = `unknown holiday region "${input}"`;
  return suggestion
    ? `${base}: did you mean ${suggestion.code} (${regionLabel(suggestion).replace(/ \([^)]*\)$/, '')})?`
    : `${base} (e.g. US, GB-ENG, IE, DE-BY, CA-ON)`;
}
