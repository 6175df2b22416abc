import { Choice } from '../forms/fields';
import { useAddressSearch } from '../forms/useAddressSearch';
import { countryOptions, organisationTypeOptions, sectorGroups } from '../forms/options';
import { useI18n } from '../i18n/i18n';
import { LibraryLink } from '../library/LibraryLink';
import { countryName, organisationTypeName, regionName } from '../library/reference';
import { searchOrganisations, type CommunityReference, type OrganisationList, type OrganisationView } from './communityApi';
import {
  emptyOrganisationSearch, organisationsQuery, organisationsUrl, organisationUrl, type OrganisationSearch,
} from './communityRoute';
import { sectorLabel } from './reasons';

const F = 'organisations';

/**
 * The organisations of the community and their profiles. As in the people directory, the search is in the address
 * (communityRoute.ts): the form navigates, the list follows the address, Back undoes a filter.
 */
export function OrganisationsPage({ search, reference, navigate }: {
  search: OrganisationSearch; reference: CommunityReference | null; navigate: (p: string) => void;
}) {
  const { t, language } = useI18n();
  const query = organisationsQuery(search);
  const { draft, setDraft, result, error, loading } = useAddressSearch(search, query, searchOrganisations);

  const set = (field: keyof OrganisationSearch, value: string) => setDraft((d) => ({ ...d, [field]: value }));
  const countText = !result ? ''
    : result.total === 0 ? t('organisations.none')
    : t(result.total === 1 ? 'organisations.one' : 'organisations.other', { count: result.total });

  return (
    <>
      <p className="muted">{t('organisations.intro')}</p>
      {result?.mine && (
        <p className="organisations-mine">
          <LibraryLink href={organisationUrl(result.mine)} navigate={navigate}>{t('organisations.mine')}</LibraryLink>
        </p>
      )}
      <form className="organisations-search library-panel stack" role="search" aria-label={t('organisations.search')} onSubmit={(e) => {
        e.preventDefault();
        navigate(organisationsUrl(draft));
      }}>
        <div className="library-field">
          <label htmlFor={`${F}-q`}>{t('organisations.search')}</label>
          <input id={`${F}-q`} type="search" name="q" maxLength={200} value={draft.q} onChange={(e) => set('q', e.target.value)} />
        </div>
        <div className="community-filters">
          <Choice form={F} name="type" label={t('library.field.organisationType')} value={draft.type} placeholder={t('community.anyOrganisationType')}
            options={organisationTypeOptions(reference, language)} onChange={(v) => set('type', v)} />
          <Choice form={F} name="country" label={t('library.field.country')} value={draft.country} placeholder={t('community.anyCountry')}
            options={countryOptions(reference, language)} onChange={(v) => set('country', v)} />
          <Choice form={F} name="sector" label={t('library.field.sector')} value={draft.sector} placeholder={t('community.anySector')}
            groups={sectorGroups(reference, language, t)} onChange={(v) => set('sector', v)} />
        </div>
        <div className="row">
          <button type="submit" className="primary">{t('library.searchButton')}</button>
          {query && (
            <button type="button" className="link" onClick={() => navigate(organisationsUrl(emptyOrganisationSearch()))}>{t('library.clearFilters')}</button>
          )}
        </div>
      </form>

      <h2 id="organisations-results">{t('organisations.found')}</h2>
      <p role="status" className="library-result-count">{loading ? t('library.searching') : countText}</p>
      {error && <p role="alert" className="error">{t('community.searchFailed', { message: error })}</p>}
      {result && result.organisations.length > 0 && (
        <ul className="community-people organisation-cards" aria-labelledby="organisations-results">
          {result.organisations.map((o) => <OrganisationCard key={o.id} organisation={o} reference={reference} navigate={navigate} />)}
        </ul>
      )}
    </>
  );
}

/** "Italy, Veneto", or "" when the organisation says no place. */
export function placeText(reference: CommunityReference | null, country: string | null | undefined, region: string | null | undefined, language: string) {
  return [country && countryName(reference, country, language), region && regionName(reference, region)].filter(Boolean).join(', ');
}

function OrganisationCard({ organisation: o, reference, navigate }: {
  organisation: OrganisationView; reference: CommunityReference | null; navigate: (p: string) => void;
}) {
  const { t, language } = useI18n();
  const place = placeText(reference, o.country, o.region, language);
  return (
    <li className="organisation-card library-hit" data-organisation={o.id}>
      <h3>
        <LibraryLink href={organisationUrl(o.id)} navigate={navigate}>{o.name || o.id}</LibraryLink>
        {o.demo && <> <span className="badge library-demo">{t('library.demo')}</span></>}
      </h3>
      {o.type && <p className="organisation-type">{organisationTypeName(reference, o.type, language)}</p>}
      <dl className="library-meta">
        {place && <div><dt>{t('organisations.place')}</dt><dd>{place}</dd></div>}
        {o.sectors && o.sectors.length > 0 && (
          <div><dt>{t('profile.sectors')}</dt><dd>{o.sectors.map((s) => sectorLabel(reference, s, language)).join('; ')}</dd></div>
        )}
        <div><dt>{t('organisations.people')}</dt><dd className="organisation-people">{(o.people ?? 0).toLocaleString(language)}</dd></div>
      </dl>
    </li>
  );
}
