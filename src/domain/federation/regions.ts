// Regions of the world for listing peers (docs/federation.md §20): a peer's region is derived from
// its country (ISO 3166-1 alpha-2), so the federation page and the peer pickers can group 30+
// agencies without anyone keeping a list. The five regions follow the cooperation networks'
// own desks (INTERPOL, the G7 24/7 network): Africa, the Americas, Asia-Pacific, Europe and the
// Middle East. Judgement calls, written down once here: Egypt and the Maghreb are Africa; Turkey,
// Cyprus, the Caucasus and Russia are Europe (Council of Europe members or partners); Central Asia
// is Asia-Pacific. A code not listed (or XX) is "other".

export const REGIONS = ['asia_pacific', 'europe', 'americas', 'africa', 'middle_east'] as const;
export type Region = (typeof REGIONS)[number] | 'other';
/** Display order: the five regions, then "other". */
export const REGION_ORDER: readonly Region[] = [...REGIONS, 'other'];

const BY_REGION: Record<(typeof REGIONS)[number], string> = {
  asia_pacific:
    'AF AS AU BD BN BT CC CK CN CX FJ FM GU HK ID IN IO JP KG KH KI KP KR KZ LA LK MH MM MN MO MP MV MY NC NF NP NR NU NZ PF PG PH PK PN PW SB SG TH TJ TK TL TM TO TV TW UM UZ VN VU WF WS',
  europe:
    'AD AL AM AT AX AZ BA BE BG BY CH CY CZ DE DK EE ES FI FO FR GB GE GG GI GR HR HU IE IM IS IT JE LI LT LU LV MC MD ME MK MT NL NO PL PT RO RS RU SE SI SJ SK SM TR UA VA XK',
  americas:
    'AG AI AR AW BB BL BM BO BQ BR BS BZ CA CL CO CR CU CW DM DO EC FK GD GF GL GP GT GY HN HT JM KN KY LC MF MQ MS MX NI PA PE PM PR PY SR SV SX TC TT US UY VC VE VG VI',
  africa:
    'AO BF BI BJ BW CD CF CG CI CM CV DJ DZ EG EH ER ET GA GH GM GN GQ GW KE KM LR LS LY MA MG ML MR MU MW MZ NA NE NG RE RW SC SD SH SL SN SO SS ST SZ TD TG TN TZ UG YT ZA ZM ZW',
  middle_east: 'AE BH IL IQ IR JO KW LB OM PS QA SA SY YE',
};

const REGION_OF = new Map<string, Region>(REGIONS.flatMap((r) => regionCountries(r).map((code) => [code, r] as const)));

/** The country codes a region lists (ISO 3166-1 alpha-2). */
export function regionCountries(region: (typeof REGIONS)[number]): string[] {
  return BY_REGION[region].split(' ');
}

/** The region of an ISO 3166-1 alpha-2 country code (case-insensitive); "other" when unknown. */
export function regionOf(country: string): Region {
  return REGION_OF.get(country.trim().toUpperCase()) ?? 'other';
}

/**
 * Items grouped by the region of their country, regions in display order, empty regions left out;
 * inside a region the items keep the order they came in.
 */
export function groupByRegion<T>(
  items: readonly T[],
  countryOf: (item: T) => string,
): { region: Region; items: T[] }[] {
  const groups = new Map<Region, T[]>();
  for (const item of items) {
    const r = regionOf(countryOf(item));
    const list = groups.get(r);
    if (list) list.push(item);
    else groups.set(r, [item]);
  }
  return REGION_ORDER.filter((r) => groups.has(r)).map((region) => ({ region, items: groups.get(region)! }));
}
