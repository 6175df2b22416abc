import { useEffect, useState, type FormEvent } from 'react';
import { Checkbox, Choice, MultiChoice, TextField } from '../forms/fields';
import { countryOptions, languageOptions, regionCountryOf, regionOptions, sectorGroups } from '../forms/options';
import { useI18n, type MessageKey } from '../i18n/i18n';
import type { Announce } from '../library/LibraryPage';
import { DeleteAccount } from './DeleteAccount';
import { myProfile, saveProfile, VISIBILITY_FIELDS, type CommunityReference, type Profile, type Visibility } from './communityApi';
import { formFromProfile, PROFILE_LIMITS, profileBody, profileProblem, profileWithCountry, type ProfileForm } from './profileForm';

const F = 'profile';

/**
 * My profile: what other members may know of me beyond my name, and who may see each part. The organisation comes
 * from the sign-in and is shown, not edited here.
 */
export function ProfilePage({ reference, announce }: { reference: CommunityReference | null; announce: Announce }) {
  const { t, language } = useI18n();
  const [profile, setProfile] = useState<Profile | null>(null);
  const [form, setForm] = useState<ProfileForm | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    myProfile().then((p) => { setProfile(p); setForm(formFromProfile(p)); }, (e) => setLoadError(e instanceof Error ? e.message : String(e)));
  }, []);

  if (loadError) return <section className="library-panel"><p role="alert" className="error">{t('library.loadFailed', { message: loadError })}</p></section>;
  if (!form || !profile) return <section className="library-panel"><p className="muted">{t('app.loading')}</p></section>;

  const set = <K extends keyof ProfileForm>(field: K, value: ProfileForm[K]) => setForm((f) => f && { ...f, [field]: value });
  const setVisibility = (field: (typeof VISIBILITY_FIELDS)[number], v: Visibility) =>
    setForm((f) => f && { ...f, visibility: { ...f.visibility, [field]: v } });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = profileBody(form);
    const problem = profileProblem(body);
    setSaveError(problem ? t(problem.key, problem.params) : null);
    if (problem) return;
    setBusy(true);
    try {
      const saved = await saveProfile(body);
      setProfile(saved);
      setForm(formFromProfile(saved));
      announce(t('profile.saved'));
    } catch (err) {
      setSaveError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="library-panel" aria-labelledby="profile-form-heading">
      <h2 id="profile-form-heading">
        {profile.displayName || profile.username}
        {profile.demo && <> <span className="badge library-demo">{t('library.demo')}</span></>}
      </h2>
      <p className="muted">{t('profile.intro')}</p>
      {/* A plain link: the browser downloads the file the community server writes (docs/community.md, "Their own data"). */}
      <p><a className="my-data-download" href="/api/community/me/export" download="vetnet-my-data.json">{t('profile.downloadMyData')}</a>
        {' '}<span className="muted small">{t('profile.downloadMyDataHint')}</span></p>
      <form className="profile-form stack" onSubmit={submit}>
        <fieldset>
          <legend>{t('profile.about')}</legend>
          <p className="community-readonly">
            <span className="muted">{t('profile.organisation')}:</span> {profile.organisation || t('profile.noOrganisation')}
            <span className="muted small"> {t('profile.organisationFromSignIn')}</span>
          </p>
          <TextField form={F} name="headline" label={t('profile.headline')} value={form.headline} max={PROFILE_LIMITS.headline}
            hint={t('profile.hint.headline')} onChange={(v) => set('headline', v)} />
          <TextField form={F} name="bio" label={t('profile.bio')} value={form.bio} max={PROFILE_LIMITS.bio} multiline rows={5}
            onChange={(v) => set('bio', v)} />
          <TextField form={F} name="expertise" label={t('profile.expertise')} value={form.expertise}
            hint={t('profile.hint.expertise', { max: PROFILE_LIMITS.expertise, length: PROFILE_LIMITS.tag })} onChange={(v) => set('expertise', v)} />
        </fieldset>

        <fieldset>
          <legend>{t('profile.where')}</legend>
          <MultiChoice form={F} name="sectors" label={t('profile.sectors')} values={form.sectors} groups={sectorGroups(reference, language, t)}
            max={PROFILE_LIMITS.sectors} size={10} onChange={(v) => set('sectors', v)} />
          <MultiChoice form={F} name="languages" label={t('profile.languages')} values={form.languages}
            options={languageOptions(reference, language)} max={PROFILE_LIMITS.languages} onChange={(v) => set('languages', v)} />
          <Choice form={F} name="country" label={t('library.field.country')} value={form.country} optional placeholder={t('library.choose')}
            options={countryOptions(reference, language)} onChange={(v) => setForm((f) => f && profileWithCountry(f, v, regionCountryOf(reference)))} />
          <Choice form={F} name="region" label={t('library.field.regionOptional')} value={form.region} placeholder={t('library.noRegion')}
            options={regionOptions(reference, form.country)} disabled={!form.country} hint={form.country ? undefined : t('library.hint.region')}
            onChange={(v) => set('region', v)} />
        </fieldset>

        <fieldset>
          <legend>{t('profile.community')}</legend>
          <Checkbox form={F} name="listed" label={t('profile.listed')} checked={form.listed} hint={t('profile.hint.listed')}
            onChange={(v) => set('listed', v)} />
          <Checkbox form={F} name="availableForCounselling" label={t('profile.available')} checked={form.availableForCounselling}
            hint={t('profile.hint.available')} onChange={(v) => set('availableForCounselling', v)} />
        </fieldset>

        <fieldset>
          <legend>{t('profile.email')}</legend>
          <Checkbox form={F} name="emailInvitations" label={t('profile.emailInvitations')} checked={form.emailInvitations}
            hint={t('profile.hint.emailInvitations')} onChange={(v) => set('emailInvitations', v)} />
          <Checkbox form={F} name="emailDigest" label={t('profile.emailDigest')} checked={form.emailDigest}
            hint={t('profile.hint.emailDigest')} onChange={(v) => set('emailDigest', v)} />
        </fieldset>

        <fieldset className="community-visibility">
          <legend>{t('profile.visibility')}</legend>
          <p className="muted small">{t('profile.hint.visibility')}</p>
          {VISIBILITY_FIELDS.map((field) => (
            <div key={field} className="library-field community-visibility-row">
              <label htmlFor={`${F}-visibility-${field}`}>{t(`profile.visibility.${field}` as MessageKey)}</label>
              <select id={`${F}-visibility-${field}`} name={`visibility.${field}`} value={form.visibility[field]}
                onChange={(e) => setVisibility(field, e.target.value as Visibility)}>
                <option value="MEMBERS">{t('profile.visibility.MEMBERS')}</option>
                <option value="HIDDEN">{t('profile.visibility.HIDDEN')}</option>
              </select>
            </div>
          ))}
        </fieldset>

        {saveError && <p role="alert" className="error">{t('library.saveFailed', { message: saveError })}</p>}
        <div className="row">
          <button type="submit" className="primary" disabled={busy}>{t('profile.save')}</button>
          {profile.updatedAt && (
            <span className="muted small">{t('profile.updatedAt', { date: new Date(profile.updatedAt).toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short' }) })}</span>
          )}
        </div>
      </form>
      <DeleteAccount username={profile.username} />
    </section>
  );
}
