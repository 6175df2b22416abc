import type { FacetName } from './searchState';
import type { LibraryReference, Names } from './libraryApi';

/**
 * Labels for the library's codes (NACE, EQF, countries, NUTS regions, organisation types, licences) from the
 * server's reference data, in the viewer's language. The reference lists may lag behind the data or miss a
 * translation: a label then falls back to English, then to the code itself, so nothing is ever blank.
 */

/** The name in `language`, else English, else `code`. */
export function localName(names: Names | undefined, language: string, code: string): string {
  return names?.[language] || names?.en || code;
}

/** A practice's sector: a NACE section letter ("C") or the letter and a division ("C16"). */
export function splitSector(sector: string): { section: string; division: string | null } {
  const m = /^([A-Za-z])(\d{2})?$/.exec(sector.trim());
  if (!m) return { section: sector, division: null };
  return { section: m[1].toUpperCase(), division: m[2] ?? null };
}

/** The division's name for "C16", the section's for "C" (or for a division the reference does not know). */
export function sectorName(ref: LibraryReference | null, sector: string, language: string): string {
  const { section, division } = splitSector(sector);
  if (division) {
    const d = ref?.nace.divisions.find((x) => x.code === division && x.section === section);
    if (d) return localName(d.names, language, sector);
  }
  const s = ref?.nace.sections.find((x) => x.code === section);
  return s ? localName(s.names, language, sector) : sector;
}

export function countryName(ref: LibraryReference | null, code: string, language: string): string {
  return localName(ref?.countries.find((c) => c.code === code)?.names, language, code);
}

export function eqfName(ref: LibraryReference | null, level: number | string, language: string): string {
  return localName(ref?.eqf.find((e) => String(e.level) === String(level))?.names, language, String(level));
}

export function organisationTypeName(ref: LibraryReference | null, id: string, language: string): string {
  return localName(ref?.organisationTypes.find((o) => o.id === id)?.names, language, id);
}

export function licenceShort(ref: LibraryReference | null, id: string): string {
  return ref?.licences.find((l) => l.id === id)?.short || id;
}

export function regionName(ref: LibraryReference | null, code: string): string {
  return ref?.regions.find((r) => r.code === code)?.name || code;
}

/** A language code ("it") named in the viewer's language ("Italiano", "Italian"); the code where the browser cannot. */
export function languageName(code: string, language: string): string {
  try {
    const name = new Intl.DisplayNames([language, 'en'], { type: 'language' }).of(code);
    // Italian names languages in lower case ("inglese"); in a list or after a label they start with a capital.
    return name ? name.charAt(0).toLocaleUpperCase(language) + name.slice(1) : code;
  } catch {
    return code;
  }
}

/** The label of one facet value, as the facet lists and the hits show it. */
export function facetValueLabel(ref: LibraryReference | null, facet: FacetName, value: string, language: string): string {
  switch (facet) {
    case 'sector': return sectorName(ref, value, language);
    case 'country': return countryName(ref, value, language);
    case 'eqfLevel': return eqfName(ref, value, language);
    case 'language': return languageName(value, language);
    case 'organisationType': return organisationTypeName(ref, value, language);
    case 'licence': return licenceShort(ref, value);
  }
}

/** The regions of one country, for the form's region list (none before a country is chosen). */
export function regionsOf(ref: LibraryReference | null, country: string) {
  if (!ref || !country) return [];
  return ref.regions.filter((r) => r.country === country).sort((a, b) => a.level - b.level || a.code.localeCompare(b.code));
}

/** The divisions of a NACE section, with the value a practice stores ("C16"). */
export function divisionsOf(ref: LibraryReference | null, section: string) {
  if (!ref) return [];
  return ref.nace.divisions.filter((d) => d.section === section).map((d) => ({ ...d, value: `${section}${d.code}` }));
}

/**
 * The languages a practice may be written in: the app's own three and the partners' first, then the other official
 * languages of the EU. Their names come from the browser (languageName), so the catalogues need no entry for each.
 */
export const PRACTICE_LANGUAGES = [
  'en', 'it', 'de', 'fr', 'es', 'pl', 'pt', 'nl', 'el', 'fi',
  'bg', 'cs', 'da', 'et', 'ga', 'hr', 'hu', 'lt', 'lv', 'mt', 'ro', 'sk', 'sl', 'sv',
] as const;
