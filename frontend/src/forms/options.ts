import type { Translate } from '../i18n/i18n';
import type { LibraryReference } from '../library/libraryApi';
import { divisionsOf, languageName, localName, organisationTypeName, PRACTICE_LANGUAGES, regionsOf } from '../library/reference';

/**
 * The choices of the forms' selects (fields.tsx), made from the reference data in the viewer's language: the
 * library's reference, or the community's, which is the same with its list of languages added.
 */

export interface Option { value: string; label: string }
export interface OptionGroup { label: string; options: Option[] }

/** NACE sections, each with "the whole section" and its divisions, as the library's editor offers them. */
export function sectorGroups(ref: LibraryReference | null, language: string, t: Translate): OptionGroup[] {
  return (ref?.nace.sections ?? []).map((s) => {
    const name = localName(s.names, language, s.code);
    return {
      label: `${s.code} — ${name}`,
      options: [
        { value: s.code, label: t('library.wholeSection', { code: s.code, name }) },
        ...divisionsOf(ref, s.code).map((d) => ({ value: d.value, label: `${d.code} — ${localName(d.names, language, d.value)}` })),
      ],
    };
  });
}

const byLabel = (language: string) => (a: Option, b: Option) => a.label.localeCompare(b.label, language);

export function countryOptions(ref: LibraryReference | null, language: string): Option[] {
  return (ref?.countries ?? []).map((c) => ({ value: c.code, label: localName(c.names, language, c.code) })).sort(byLabel(language));
}

export function regionOptions(ref: LibraryReference | null, country: string): Option[] {
  return regionsOf(ref, country).map((r) => ({ value: r.code, label: `${r.name} (${r.code})` }));
}

/**
 * The languages the server accepts (its reference list, else the library's own), named in the viewer's language;
 * the app's three and the partners' first, as in the library, then the rest by name.
 */
export function languageOptions(ref: { languages?: { code: string }[] } | null, language: string): Option[] {
  const codes = ref?.languages?.length ? ref.languages.map((l) => l.code) : [...PRACTICE_LANGUAGES];
  const first = PRACTICE_LANGUAGES.slice(0, 10) as readonly string[];
  const head = first.filter((c) => codes.includes(c));
  const rest = codes.filter((c) => !first.includes(c)).map((c) => ({ value: c, label: languageName(c, language) })).sort(byLabel(language));
  return [...head.map((c) => ({ value: c, label: languageName(c, language) })), ...rest];
}

export function organisationTypeOptions(ref: LibraryReference | null, language: string): Option[] {
  return (ref?.organisationTypes ?? []).map((o) => ({ value: o.id, label: organisationTypeName(ref, o.id, language) }));
}

/** The country a region belongs to, for clearing a region when the country changes. */
export const regionCountryOf = (ref: LibraryReference | null) => (code: string) => ref?.regions.find((r) => r.code === code)?.country;
