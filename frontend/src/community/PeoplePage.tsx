import { Choice } from '../forms/fields';
import { useAddressSearch } from '../forms/useAddressSearch';
import { countryOptions, languageOptions, organisationTypeOptions, sectorGroups } from '../forms/options';
import { useI18n } from '../i18n/i18n';
import { LibraryLink } from '../library/LibraryLink';
import { countryName, languageName, regionName } from '../library/reference';
import { searchDirectory, type CommunityReference, type Directory, type PersonCard } from './communityApi';
import { directoryQuery, directoryUrl, emptyDirectorySearch, type DirectorySearch } from './communityRoute';
import { sectorLabel } from './reasons';

const F = 'directory';

/**
 * The people directory: members who chose to be listed, with only what they show. The search is in the address
 * (communityRoute.ts): the form navigates, the list follows the address, Back undoes a filter.
 */
export function PeoplePage({ search, reference, navigate }: {
  search: DirectorySearch; reference: CommunityReference | null; navigate: (p: string) => void;
}) {
  const { t, language } = useI18n();
  const query = directoryQuery(search);
  const { draft, setDraft, result, error, loading } = useAddressSearch(search, query, searchDirectory);

  const set = (field: keyof DirectorySearch, value: string) => setDraft((d) => ({ ...d, [field]: value }));
  const countText = !result ? ''
    : result.total === 0 ? t('community.people.none')
    : t(result.total === 1 ? 'community.people.one' : 'community.people.other', { count: result.total });

  return (
    <>
      <p className="muted">{t('community.peopleIntro')}</p>
      <form className="directory-search library-panel stack" role="search" aria-label={t('community.searchPeople')} onSubmit={(e) => {
        e.preventDefault();
        navigate(directoryUrl(draft));
      }}>
        <div className="library-field">
          <label htmlFor={`${F}-q`}>{t('community.searchPeople')}</label>
          <input id={`${F}-q`} type="search" name="q" maxLength={200} value={draft.q} onChange={(e) => set('q', e.target.value)} />
        </div>
        <div className="community-filters">
          <Choice form={F} name="sector" label={t('library.field.sector')} value={draft.sector} placeholder={t('community.anySector')}
            groups={sectorGroups(reference, language, t)} onChange={(v) => set('sector', v)} />
          <Choice form={F} name="country" label={t('library.field.country')} value={draft.country} placeholder={t('community.anyCountry')}
            options={countryOptions(reference, language)} onChange={(v) => set('country', v)} />
          <Choice form={F} name="language" label={t('community.speaks')} value={draft.language} placeholder={t('community.anyLanguage')}
            options={languageOptions(reference, language)} onChange={(v) => set('language', v)} />
          <Choice form={F} name="organisationType" label={t('library.field.organisationType')} value={draft.organisationType}
            placeholder={t('community.anyOrganisationType')} options={organisationTypeOptions(reference, language)}
            onChange={(v) => set('organisationType', v)} />
        </div>
        {search.expertise && (
          <p className="row">{t('community.expertiseFilter', { expertise: search.expertise })}
            <button type="button" className="link" onClick={() => navigate(directoryUrl({ ...search, expertise: '' }))}>
              {t('community.clearExpertise')}</button></p>
        )}
        <div className="row">
          <button type="submit" className="primary">{t('library.searchButton')}</button>
          {query && (
            <button type="button" className="link" onClick={() => navigate(directoryUrl(emptyDirectorySearch()))}>{t('library.clearFilters')}</button>
          )}
        </div>
      </form>

      <h2 id="people-results">{t('community.people')}</h2>
      <p role="status" className="library-result-count">{loading ? t('library.searching') : countText}</p>
      {error && <p role="alert" className="error">{t('community.searchFailed', { message: error })}</p>}
      {result && result.people.length > 0 && (
        <ul className="community-people" aria-labelledby="people-results">
          {result.people.map((p) => (
            <PersonCardView key={p.id} person={p} reference={reference} navigate={navigate} search={search} />
          ))}
        </ul>
      )}
    </>
  );
}

/**
 * A person's card, as the directory and an organisation's page show it; their expertise leads to the directory's
 * people with the same. An organisation's page leaves out the organisation (`showOrganisation`).
 */
export function PersonCardView({ person: p, reference, navigate, search, showOrganisation = true }: {
  person: PersonCard; reference: CommunityReference | null; navigate: (p: string) => void; search: DirectorySearch; showOrganisation?: boolean;
}) {
  const { t, language } = useI18n();
  const place = [p.country && countryName(reference, p.country, language), p.region && regionName(reference, p.region)].filter(Boolean).join(', ');
  return (
    <li className="person-card library-hit" data-user={p.username}>
      <h3>
        {p.displayName || p.username}
        {p.demo && <> <span className="badge library-demo">{t('library.demo')}</span></>}
        {p.availableForCounselling && <> <span className="badge community-available">{t('community.availableBadge')}</span></>}
      </h3>
      {p.headline && <p className="community-headline">{p.headline}</p>}
      <dl className="library-meta">
        {showOrganisation && p.organisation && <div><dt>{t('profile.organisation')}</dt><dd>{p.organisation}</dd></div>}
        {p.sectors && p.sectors.length > 0 && (
          <div><dt>{t('profile.sectors')}</dt><dd>{p.sectors.map((s) => sectorLabel(reference, s, language)).join('; ')}</dd></div>
        )}
        {place && <div><dt>{t('library.field.country')}</dt><dd>{place}</dd></div>}
        {p.languages && p.languages.length > 0 && (
          <div><dt>{t('profile.languages')}</dt><dd>{p.languages.map((l) => languageName(l, language)).join(', ')}</dd></div>
        )}
      </dl>
      {p.expertise && p.expertise.length > 0 && (
        <div className="community-tags">
          <span className="muted small">{t('profile.expertise')}:</span>
          <ul>
            {p.expertise.map((x) => (
              <li key={x}>
                <LibraryLink href={directoryUrl({ ...search, expertise: x })} navigate={navigate}>
                  <span className="sr-only">{t('community.findExpertise')} </span>{x}</LibraryLink>
              </li>
            ))}
          </ul>
        </div>
      )}
    </li>
  );
}
