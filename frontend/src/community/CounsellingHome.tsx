import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Choice, TextField } from '../forms/fields';
import { countryOptions, languageOptions, organisationTypeOptions, regionCountryOf, regionOptions, sectorGroups } from '../forms/options';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { LibraryLink } from '../library/LibraryLink';
import type { Announce } from '../library/LibraryPage';
import { CASE_LIMITS, caseBody, caseWithCountry, emptyCaseForm, type CaseForm } from './caseForm';
import { createCase, myCases, myProfile, type CommunityReference, type CounsellingCase } from './communityApi';
import { caseUrl } from './communityRoute';
import { sectorLabel } from './reasons';

const F = 'case';

/** Peer counselling: the cases I asked and the ones I am invited to, and a new case to ask about. */
export function CounsellingHome({ reference, navigate, announce }: {
  reference: CommunityReference | null; navigate: (p: string) => void; announce: Announce;
}) {
  const { t } = useI18n();
  const [cases, setCases] = useState<CounsellingCase[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    myCases().then(
      (list) => setCases([...list].sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''))),
      (e) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, []);

  const asked = cases?.filter((c) => c.mine) ?? [];
  const invited = cases?.filter((c) => !c.mine) ?? [];
  return (
    <>
      <p className="muted">{t('counselling.intro')}</p>
      {error && <p role="alert" className="error">{t('library.loadFailed', { message: error })}</p>}
      <div className="community-columns">
        <div>
          <section className="library-panel" aria-labelledby="cases-asked">
            <h2 id="cases-asked">{t('counselling.asked')}</h2>
            {!cases && !error ? <p className="muted">{t('app.loading')}</p>
              : <CaseList cases={asked} empty={t('counselling.noneAsked')} reference={reference} navigate={navigate} />}
          </section>
          <section className="library-panel" aria-labelledby="cases-invited">
            <h2 id="cases-invited">{t('counselling.invited')}</h2>
            {!cases && !error ? <p className="muted">{t('app.loading')}</p>
              : <CaseList cases={invited} empty={t('counselling.noneInvited')} reference={reference} navigate={navigate} />}
          </section>
        </div>
        <NewCase reference={reference} navigate={navigate} announce={announce} />
      </div>
    </>
  );
}

function CaseList({ cases, empty, reference, navigate }: {
  cases: CounsellingCase[]; empty: string; reference: CommunityReference | null; navigate: (p: string) => void;
}) {
  const { t, language } = useI18n();
  if (cases.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="library-mine community-cases">
      {cases.map((c) => (
        <li key={c.id} className="library-my-practice case-item" data-case={c.id}>
          <LibraryLink href={caseUrl(c.id)} navigate={navigate}>{c.title}</LibraryLink>
          <CaseStatusBadge status={c.status} />
          <span className="muted small">
            {[c.mine ? '' : t('counselling.askedBy', { name: c.author.name || c.author.username }), c.sector && sectorLabel(reference, c.sector, language),
              c.meeting && meetingText(c.meeting, language, t)].filter(Boolean).join(' · ')}
          </span>
        </li>
      ))}
    </ul>
  );
}

export function CaseStatusBadge({ status }: { status: CounsellingCase['status'] }) {
  const { t } = useI18n();
  return <span className={`badge case-status case-status-${status.toLowerCase()}`}>{t(`counselling.status.${status}` as MessageKey)}</span>;
}

export function meetingText(meeting: { start: string; minutes: number }, language: string, t: (k: MessageKey, p?: Record<string, string | number>) => string) {
  const when = new Date(meeting.start).toLocaleString(language, { dateStyle: 'full', timeStyle: 'short' });
  return t('counselling.meetingAt', { when, minutes: meeting.minutes });
}

function NewCase({ reference, navigate, announce }: { reference: CommunityReference | null; navigate: (p: string) => void; announce: Announce }) {
  const { t, language } = useI18n();
  const [form, setForm] = useState<CaseForm>(() => emptyCaseForm(language));
  const [saveError, setSaveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const touched = useRef(false);

  // Sector, country and region from my profile, unless I started writing before it answered.
  useEffect(() => {
    myProfile().then((p) => { if (!touched.current) setForm(emptyCaseForm(language, p)); }, () => { /* the form works without */ });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const set = <K extends keyof CaseForm>(field: K, value: CaseForm[K]) => {
    touched.current = true;
    setForm((f) => ({ ...f, [field]: value }));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setSaveError(null);
    try {
      const saved = await createCase(caseBody(form));
      const target = caseUrl(saved.id);
      announce(t('counselling.created'), target);
      navigate(target);
    } catch (err) {
      setSaveError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  };

  return (
    <section className="library-panel" aria-labelledby="case-form-heading">
      <h2 id="case-form-heading">{t('counselling.describe')}</h2>
      <p className="muted small">{t('counselling.describeHint')}</p>
      <form className="case-form stack" onSubmit={submit}>
        <TextField form={F} name="title" label={t('counselling.field.title')} value={form.title} max={CASE_LIMITS.title} required
          onChange={(v) => set('title', v)} />
        <TextField form={F} name="challenge" label={t('counselling.field.challenge')} value={form.challenge} max={CASE_LIMITS.challenge}
          required multiline rows={8} hint={t('counselling.hint.challenge')} onChange={(v) => set('challenge', v)} />
        <Choice form={F} name="sector" label={t('library.field.sector')} value={form.sector} required placeholder={t('library.choose')}
          groups={sectorGroups(reference, language, t)} onChange={(v) => set('sector', v)} />
        <Choice form={F} name="country" label={t('library.field.country')} value={form.country} required placeholder={t('library.choose')}
          options={countryOptions(reference, language)} onChange={(v) => { touched.current = true; setForm((f) => caseWithCountry(f, v, regionCountryOf(reference))); }} />
        <Choice form={F} name="region" label={t('library.field.regionOptional')} value={form.region} placeholder={t('library.noRegion')}
          options={regionOptions(reference, form.country)} disabled={!form.country} hint={form.country ? undefined : t('library.hint.region')}
          onChange={(v) => set('region', v)} />
        <Choice form={F} name="language" label={t('counselling.field.language')} value={form.language} required placeholder={t('library.choose')}
          options={languageOptions(reference, language)} onChange={(v) => set('language', v)} />
        <TextField form={F} name="topics" label={t('counselling.field.topics')} value={form.topics}
          hint={t('counselling.hint.topics', { max: CASE_LIMITS.topics })} onChange={(v) => set('topics', v)} />
        <Choice form={F} name="organisationType" label={t('library.field.organisationType')} value={form.organisationType} optional
          placeholder={t('counselling.notSaid')} options={organisationTypeOptions(reference, language)}
          hint={t('counselling.hint.organisationType')} onChange={(v) => set('organisationType', v)} />
        {saveError && <p role="alert" className="error">{t('library.saveFailed', { message: saveError })}</p>}
        <div className="row">
          <button type="submit" className="primary" disabled={busy}>{t('counselling.submitCase')}</button>
        </div>
      </form>
    </section>
  );
}
