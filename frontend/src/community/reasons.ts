import type { Translate } from '../i18n/i18n';
import { countryName, languageName, regionName, sectorName } from '../library/reference';
import type { CommunityReference, Reason } from './communityApi';

/** A sector as a reason names it: "Manufacture of wood (C16)". */
export function sectorLabel(ref: CommunityReference | null, code: string, language: string): string {
  const name = sectorName(ref, code, language);
  return name === code ? code : `${name} (${code})`;
}

/**
 * A language's name as it stands inside a sentence: Italian writes it in lower case ("Parla italiano"), English and
 * German with a capital, as the browser's names already do; the code where the browser cannot name it.
 */
export function languageInSentence(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language, 'en'], { type: 'language' }).of(code) || code;
  } catch {
    return code;
  }
}

/** Why a person is suggested for a case, in words: "Works in the same sector: Manufacture of wood (C16)". */
export function reasonText(reason: Reason, t: Translate, language: string, ref: CommunityReference | null): string {
  const value = reason.value ?? '';
  switch (reason.kind) {
    case 'sector':
      return t('counselling.reason.sector', { sector: sectorLabel(ref, value, language) });
    case 'sectorDivision':
      return t('counselling.reason.sectorDivision', { sector: sectorLabel(ref, value, language) });
    case 'region':
      return t('counselling.reason.region', { region: regionName(ref, value) });
    case 'country':
      return t('counselling.reason.country', { country: countryName(ref, value, language) });
    case 'expertise':
      return t('counselling.reason.expertise', { expertise: value });
    case 'language':
      return t('counselling.reason.language', { language: languageInSentence(value, language) });
    case 'practices': {
      const count = reason.count;
      if (count == null) return t('counselling.reason.practicesSome');
      return t(count === 1 ? 'counselling.reason.practicesOne' : 'counselling.reason.practicesOther', { count });
    }
    default:
      return value ? `${reason.kind}: ${value}` : String(reason.kind);
  }
}

