import { describe, expect, it } from 'vitest';
import {
  regionLabel,
  searchRegions,
  suggestRegion,
  unknownRegionMessage,
  type RegionName,
} from './regions.js';

const uk = (code: string, subdivision: string | null): RegionName => ({
  code,
  country: 'United Kingdom',
  subdivision,
});
const REGIONS: RegionName[] = [
  uk('GB', null),
  uk('GB-ALD', 'Alderney'),
  uk('GB-ENG', 'England'),
  uk('GB-NIR', 'Northern Ireland'),
  uk('GB-SCT', 'Scotland'),
  { code: 'UA', country: 'Ukraine', subdivision: null },
  { code: 'IE', country: 'Ireland', subdivision: null },
  { code: 'DE', country: 'Germany', subdivision: null },
  { code: 'DE-BY', country: 'Germany', subdivision: 'Bayern' },
  { code: 'US', country: 'United States of America', subdivision: null },
  { code: 'US-NY', country: 'United States of America', subdivision: 'New York' },
  { code: 'FR', country: 'France', subdivision: null },
];
const codes = (query: string, limit = 3) => searchRegions(query, REGIONS, limit).map((r) => r.code);

describe('searchRegions', () => {
  it('finds GB-ENG first for "UK" and "United Kingdom", before Ukraine', () => {
    expect(codes('UK')).toEqual(['GB-ENG', 'GB', 'GB-ALD']);
    expect(codes('united kingdom')).toEqual(['GB-ENG', 'GB', 'GB-ALD']);
    expect(codes('UK', 10).slice(-1)).toEqual(['UA']);
    expect(codes('ukr')).toEqual(['UA']);
  });

  it('matches codes in any case or separator, subdivision names and common names', () => {
    expect(codes('gb eng')).toEqual(['GB-ENG']);
    expect(codes('GB_ENG')).toEqual(['GB-ENG']);
    expect(codes('Bayern')).toEqual(['DE-BY']);
    expect(codes('bavaria')).toEqual(['DE-BY']);
    expect(codes('usa', 2)).toEqual(['US', 'US-NY']);
    expect(codes('york')).toEqual(['US-NY']);
    expect(codes('Ireland')).toEqual(['IE', 'GB-NIR']);
  });

  it('lists everything for an empty query and nothing for nonsense', () => {
    expect(searchRegions('', REGIONS)).toHaveLength(REGIONS.length);
    expect(codes('zzz')).toEqual([]);
  });
});

describe('suggestRegion', () => {
  it('suggests what was meant, never the input itself', () => {
    expect(suggestRegion('UK', REGIONS)?.code).toBe('GB-ENG');
    expect(suggestRegion('gb-eng', REGIONS)?.code).toBe('GB-ENG');
    expect(suggestRegion('Germany', REGIONS)?.code).toBe('DE');
    expect(suggestRegion('US', REGIONS)).toBeNull();
    expect(suggestRegion('Mars', REGIONS)).toBeNull();
    expect(suggestRegion('  ', REGIONS)).toBeNull();
  });

  it('writes the message the seeker reads', () => {
    expect(regionLabel(REGIONS[2]!)).toBe('United Kingdom — England (GB-ENG)');
    expect(unknownRegionMessage('UK', REGIONS)).toBe(
      'unknown holiday region "UK": did you mean GB-ENG (United Kingdom — England)?',
    );
    expect(unknownRegionMessage('XX-NOPE', REGIONS)).toBe(
      'unknown holiday region "XX-NOPE" (e.g. US, GB-ENG, IE, DE-BY, CA-ON)',
    );
  });
});
