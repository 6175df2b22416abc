import { useEffect, useState, type FormEvent } from 'react';
import { HttpError, type Me } from '../app/api';
import { Choice, MultiChoice, TextField } from '../forms/fields';
import { LoadingPanel } from '../forms/LoadingPanel';
import { countryOptions, languageOptions, organisationTypeOptions, regionCountryOf, regionOptions, sectorGroups } from '../forms/options';
import { errorMessage, useBusyAction } from '../forms/useBusyAction';
import { useI18n } from '../i18n/i18n';
import type { Announce } from '../library/LibraryPage';
import { LibraryLink } from '../library/LibraryLink';
import { languageName, organisationTypeName } from '../library/reference';
import { getOrganisation, saveOrganisation, type CommunityReference, type OrganisationView } from './communityApi';
import { emptyDirectorySearch, organisationsUrl } from './communityRoute';
import {
  emptyOrganisationForm, formFromOrganisation, isWebAddress, mayOfferFirstProfile, mayWriteFirstProfile, ORGANISATION_LIMITS,
  organisationBody, organisationProblem, organisationWithCountry, type OrganisationForm,
} from './organisationForm';
import { placeText } from './OrganisationsPage';
import { PersonCardView } from './PeoplePage';
import { sectorLabel } from './reasons';

const F = 'organisation';

/**
 * One organisation: its profile, its facts and its people who are listed in the directory; for those who may edit it
 * (the server's `canEdit`), the form. An organisation without a profile yet (404) offers the form to its own people
 * and to platform admins: the server lets its facilitators, policymakers and admins write the first one, and says
 * why to anyone else.
 */
export function OrganisationPage({ id, me, reference, navigate, announce, setHeading }: {
  id: string; me: Me; reference: CommunityReference | null; navigate: (p: string) => void; announce: Announce;
  setHeading: (text: string) => void;
}) {
  const { t, language } = useI18n();
  const [organisation, setOrganisation] = useState<OrganisationView | null>(null);
  const [missing, setMissing] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [form, setForm] = useState<OrganisationForm>(emptyOrganisationForm);
  const { busy, error, setError, run } = useBusyAction();

  useEffect(() => {
    getOrganisation(id).then((o) => {
      setOrganisation(o);
      setForm(formFromOrganisation(o));
    }, (e) => {
      if (e instanceof HttpError && e.status === 404) setMissing(true);
      else setLoadError(errorMessage(e));
    });
  }, [id]);

  const name = organisation?.name;
  useEffect(() => {
    if (name) setHeading(name);
  }, [name, setHeading]);

  const back = <p><LibraryLink href={organisationsUrl()} navigate={navigate}>{t('organisations.all')}</LibraryLink></p>;
  if (!organisation && !missing) return <LoadingPanel error={loadError}>{back}</LoadingPanel>;

  const mine = !!me.organisation && me.organisation === id;
  const editable = organisation ? organisation.canEdit : mayOfferFirstProfile(id, me);
  const set = <K extends keyof OrganisationForm>(field: K, value: OrganisationForm[K]) => setForm((f) => ({ ...f, [field]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = organisationBody(form);
    const problem = organisationProblem(body);
    if (problem) {
      setError(t(problem.key, problem.params));
      return;
    }
    await run(() => saveOrganisation(id, body), (saved) => {
      setOrganisation(saved);
      setMissing(false);
      setForm(formFromOrganisation(saved));
      announce(t('organisations.saved'));
    });
  };

  return (
    <div className="organisation-page" data-organisation={id}>
      {back}
      {organisation ? <OrganisationProfile organisation={organisation} reference={reference} navigate={navigate} /> : (
        <section className="library-panel" aria-labelledby="organisation-missing">
          <h2 id="organisation-missing">{t('organisations.noProfileHeading')}</h2>
          <p className="organisation-no-profile">
            {!mine ? t('organisations.noProfile')
              : mayWriteFirstProfile(me) ? t('organisations.noProfileMine')
              : t('organisations.noProfileMineAsk')}
          </p>
        </section>
      )}

      {editable && (
        <section className="library-panel" aria-labelledby="organisation-form-heading">
          <h2 id="organisation-form-heading">{t(organisation ? 'organisations.editHeading' : 'organisations.createHeading')}</h2>
          <form className="organisation-form stack" aria-labelledby="organisation-form-heading" onSubmit={submit}>
            <TextField form={F} name="name" label={t('organisations.field.name')} value={form.name} max={ORGANISATION_LIMITS.name} required
              onChange={(v) => set('name', v)} />
            <Choice form={F} name="type" label={t('library.field.organisationType')} value={form.type} required placeholder={t('library.choose')}
              options={organisationTypeOptions(reference, language)} onChange={(v) => set('type', v)} />
            <Choice form={F} name="country" label={t('library.field.country')} value={form.country} optional placeholder={t('library.choose')}
              options={countryOptions(reference, language)}
              onChange={(v) => setForm((f) => organisationWithCountry(f, v, regionCountryOf(reference)))} />
            <Choice form={F} name="region" label={t('library.field.regionOptional')} value={form.region} placeholder={t('library.noRegion')}
              options={regionOptions(reference, form.country)} disabled={!form.country} hint={form.country ? undefined : t('library.hint.region')}
              onChange={(v) => set('region', v)} />
            <MultiChoice form={F} name="sectors" label={t('profile.sectors')} values={form.sectors} groups={sectorGroups(reference, language, t)}
              max={ORGANISATION_LIMITS.sectors} size={10} onChange={(v) => set('sectors', v)} />
            <MultiChoice form={F} name="languages" label={t('organisations.field.languages')} values={form.languages}
              options={languageOptions(reference, language)} max={ORGANISATION_LIMITS.languages} onChange={(v) => set('languages', v)} />
            <TextField form={F} name="profile" label={t('organisations.field.profile')} value={form.profile} max={ORGANISATION_LIMITS.profile}
              multiline rows={8} hint={t('organisations.hint.profile')} onChange={(v) => set('profile', v)} />
            <TextField form={F} name="website" label={t('organisations.field.website')} value={form.website} max={ORGANISATION_LIMITS.website}
              hint={t('organisations.hint.website')} onChange={(v) => set('website', v)} />
            {error && <p role="alert" className="error">{t('library.saveFailed', { message: error })}</p>}
            <div className="row">
              <button type="submit" className="primary" disabled={busy}>{t('organisations.save')}</button>
              {organisation?.updatedAt && (
                <span className="muted small">
                  {t('profile.updatedAt', { date: new Date(organisation.updatedAt).toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short' }) })}
                </span>
              )}
            </div>
          </form>
        </section>
      )}
    </div>
  );
}

/** What members read of an organisation: its facts, its profile (the server's safe HTML) and its listed people. */
function OrganisationProfile({ organisation: o, reference, navigate }: {
  organisation: OrganisationView; reference: CommunityReference | null; navigate: (p: string) => void;
}) {
  const { t, language } = useI18n();
  const place = placeText(reference, o.country, o.region, language);
  const listed = o.listed ?? [];
  return (
    <>
      <section className="library-panel organisation-profile" aria-labelledby="organisation-about">
        <h2 id="organisation-about">
          {t('organisations.about')}
          {o.demo && <> <span className="badge library-demo">{t('library.demo')}</span></>}
        </h2>
        <dl className="library-meta">
          {o.type && <div><dt>{t('library.field.organisationType')}</dt><dd className="organisation-type">{organisationTypeName(reference, o.type, language)}</dd></div>}
          {place && <div><dt>{t('organisations.place')}</dt><dd>{place}</dd></div>}
          {o.sectors && o.sectors.length > 0 && (
            <div><dt>{t('profile.sectors')}</dt><dd>{o.sectors.map((s) => sectorLabel(reference, s, language)).join('; ')}</dd></div>
          )}
          {o.languages && o.languages.length > 0 && (
            <div><dt>{t('organisations.languages')}</dt><dd>{o.languages.map((l) => languageName(l, language)).join(', ')}</dd></div>
          )}
          <div><dt>{t('organisations.people')}</dt><dd className="organisation-people">{(o.people ?? 0).toLocaleString(language)}</dd></div>
          {o.website && (
            <div><dt>{t('organisations.website')}</dt><dd>
              {isWebAddress(o.website) ? <a className="organisation-website" href={o.website} rel="noopener">{o.website}</a> : o.website}
            </dd></div>
          )}
        </dl>
        {o.profileHtml && <div className="organisation-description discussion-body" dangerouslySetInnerHTML={{ __html: o.profileHtml }} />}
      </section>

      <section className="library-panel organisation-listed" aria-labelledby="organisation-listed">
        <h2 id="organisation-listed">{t('organisations.listed')}</h2>
        {listed.length === 0 ? <p className="muted">{t('organisations.listedNone')}</p> : (
          <ul className="community-people" aria-labelledby="organisation-listed">
            {listed.map((p) => (
              <PersonCardView key={p.id} person={p} reference={reference} navigate={navigate} search={emptyDirectorySearch()} showOrganisation={false} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
