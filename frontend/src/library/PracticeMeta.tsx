import { useI18n } from '../i18n/i18n';
import type { LibraryHit, LibraryReference } from './libraryApi';
import { countryName, eqfName, languageName, licenceShort, organisationTypeName, regionName, sectorName } from './reference';

type Described = Pick<LibraryHit, 'sector' | 'country' | 'region' | 'eqfLevel' | 'language' | 'organisation' | 'organisationType' | 'licence' | 'endorsements'>;

/**
 * What a practice is about and where it comes from, as term and value pairs (a hit in the results and a practice's
 * own view show the same), every code named from the reference data in the viewer's language.
 */
export function PracticeMeta({ practice: p, reference }: { practice: Described; reference: LibraryReference | null }) {
  const { t, language } = useI18n();
  const place = [p.country && countryName(reference, p.country, language), p.region && regionName(reference, p.region)].filter(Boolean).join(', ');
  const organisation = [p.organisation, p.organisationType && organisationTypeName(reference, p.organisationType, language)].filter(Boolean).join(' · ');
  return (
    <dl className="library-meta">
      {organisation && <div><dt>{t('library.field.organisation')}</dt><dd>{organisation}</dd></div>}
      {p.sector && <div><dt>{t('library.field.sector')}</dt><dd>{sectorName(reference, p.sector, language)}</dd></div>}
      {place && <div><dt>{t('library.field.country')}</dt><dd>{place}</dd></div>}
      {p.eqfLevel != null && <div><dt>{t('library.field.eqfLevel')}</dt><dd>{eqfName(reference, p.eqfLevel, language)}</dd></div>}
      {p.language && <div><dt>{t('library.field.language')}</dt><dd>{languageName(p.language, language)}</dd></div>}
      {p.licence && <div><dt>{t('library.field.licence')}</dt><dd>{licenceShort(reference, p.licence)}</dd></div>}
      <div><dt>{t('library.field.endorsements')}</dt><dd>{p.endorsements}</dd></div>
    </dl>
  );
}
