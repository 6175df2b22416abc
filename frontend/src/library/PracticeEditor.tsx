import { useEffect, useState, type FormEvent } from 'react';
import { Choice, TextField } from '../forms/fields';
import { countryOptions, organisationTypeOptions, regionCountryOf, regionOptions, sectorGroups } from '../forms/options';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { createPractice, getPractice, updatePractice, type LibraryReference } from './libraryApi';
import type { Announce } from './LibraryPage';
import { LibraryLink } from './LibraryLink';
import { mineUrl, practiceUrl } from './libraryRoute';
import { emptyForm, formFromPractice, LIMITS, practiceBody, TEXT_FIELDS, withCountry, type PracticeForm } from './practiceForm';
import { eqfName, languageName, PRACTICE_LANGUAGES } from './reference';

/** The form's name: every control's id is `practice-<name>`. */
const F = 'practice';

/**
 * Writes a new practice (saved as a draft) or changes one of the author's own (`id`). Every control is named as
 * the JSON field it fills. The server checks everything again; what it refuses is shown as it says it.
 */
export function PracticeEditor({ id, reference, navigate, announce }: {
  id?: string; reference: LibraryReference | null; navigate: (p: string) => void; announce: Announce;
}) {
  const { t, language } = useI18n();
  const [form, setForm] = useState<PracticeForm | null>(id ? null : emptyForm(language));
  const [loadError, setLoadError] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!id) return;
    getPractice(id).then((p) => setForm(formFromPractice(p)), (e) => setLoadError(e instanceof Error ? e.message : String(e)));
  }, [id]);

  const heading = <h2 id="practice-form-heading">{id ? t('library.editHeading') : t('library.nav.new')}</h2>;
  if (loadError) return <section className="library-panel">{heading}<p role="alert" className="error">{t('library.loadFailed', { message: loadError })}</p></section>;
  if (!form) return <section className="library-panel">{heading}<p className="muted">{t('app.loading')}</p></section>;

  const set = <K extends keyof PracticeForm>(field: K, value: PracticeForm[K]) => setForm((f) => f && { ...f, [field]: value });
  const regionCountry = regionCountryOf(reference);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setSaveError(null);
    try {
      const body = practiceBody(form);
      const saved = id ? await updatePractice(id, body) : await createPractice(body);
      const target = practiceUrl(saved.id);
      announce(id ? t('library.savedVersion', { version: saved.version }) : t('library.savedDraft'), target);
      navigate(target);
    } catch (err) {
      setSaveError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const sectors = sectorGroups(reference, language, t);
  const countries = countryOptions(reference, language);
  const regions = regionOptions(reference, form.country);
  const levels = (reference?.eqf ?? []).map((e) => ({ value: String(e.level), label: eqfName(reference, e.level, language) }));
  const languages = PRACTICE_LANGUAGES.map((code) => ({ value: code, label: languageName(code, language) }));
  const organisationTypes = organisationTypeOptions(reference, language);

  return (
    <section className="library-panel" aria-labelledby="practice-form-heading">
      {heading}
      <form className="practice-form stack" onSubmit={submit}>
        <fieldset>
          <legend>{t('library.form.about')}</legend>
          <TextField form={F} name="title" label={t('library.field.title')} value={form.title} max={LIMITS.title} required
            onChange={(v) => set('title', v)} />
          <TextField form={F} name="summary" label={t('library.field.summary')} value={form.summary} max={LIMITS.summary} required
            multiline hint={t('library.hint.summary')} onChange={(v) => set('summary', v)} />
        </fieldset>

        <fieldset>
          <legend>{t('library.form.practice')}</legend>
          {TEXT_FIELDS.map((field) => (
            <TextField key={field} form={F} name={field} label={t(`library.field.${field}` as MessageKey)} value={form[field]}
              max={LIMITS.text} multiline rows={6} hint={t(`library.hint.${field}` as MessageKey)} onChange={(v) => set(field, v)} />
          ))}
        </fieldset>

        <fieldset>
          <legend>{t('library.form.context')}</legend>
          <Choice form={F} name="sector" label={t('library.field.sector')} value={form.sector} required placeholder={t('library.choose')}
            groups={sectors} onChange={(v) => set('sector', v)} />
          <Choice form={F} name="eqfLevel" label={t('library.field.eqfLevelOptional')} value={form.eqfLevel}
            placeholder={t('library.noLevel')} options={levels} onChange={(v) => set('eqfLevel', v)} />
          <Choice form={F} name="country" label={t('library.field.country')} value={form.country} required placeholder={t('library.choose')}
            options={countries} onChange={(v) => setForm((f) => f && withCountry(f, v, regionCountry))} />
          <Choice form={F} name="region" label={t('library.field.regionOptional')} value={form.region} placeholder={t('library.noRegion')}
            options={regions} disabled={!form.country} hint={form.country ? undefined : t('library.hint.region')}
            onChange={(v) => set('region', v)} />
          <Choice form={F} name="language" label={t('library.field.language')} value={form.language} required placeholder={t('library.choose')}
            options={languages} onChange={(v) => set('language', v)} />
          <TextField form={F} name="organisation" label={t('library.field.organisation')} value={form.organisation} required
            onChange={(v) => set('organisation', v)} />
          <Choice form={F} name="organisationType" label={t('library.field.organisationType')} value={form.organisationType} required
            placeholder={t('library.choose')} options={organisationTypes} onChange={(v) => set('organisationType', v)} />
        </fieldset>

        <LinksEditor links={form.links} onChange={(links) => set('links', links)} />

        {saveError && <p role="alert" className="error">{t('library.saveFailed', { message: saveError })}</p>}
        <div className="row">
          <button type="submit" className="primary" disabled={busy}>{id ? t('library.saveChanges') : t('library.saveDraft')}</button>
          <LibraryLink href={id ? practiceUrl(id) : mineUrl()} navigate={navigate}>{t('library.cancel')}</LibraryLink>
        </div>
      </form>
    </section>
  );
}

/** The practice's links: label and address per row, up to the server's limit; rows left empty are not sent. */
function LinksEditor({ links, onChange }: { links: PracticeForm['links']; onChange: (links: PracticeForm['links']) => void }) {
  const { t } = useI18n();
  const change = (i: number, field: 'label' | 'url', value: string) => onChange(links.map((l, j) => (j === i ? { ...l, [field]: value } : l)));
  return (
    <fieldset className="library-links">
      <legend>{t('library.form.links')}</legend>
      <p id="practice-links-hint" className="muted small">{t('library.hint.links', { max: LIMITS.links })}</p>
      {links.map((link, i) => (
        <div key={i} className="row library-link-row">
          <label>{t('library.linkLabel', { n: i + 1 })}
            <input name="linkLabel" value={link.label} onChange={(e) => change(i, 'label', e.target.value)} /></label>
          <label>{t('library.linkUrl', { n: i + 1 })}
            <input name="linkUrl" type="url" value={link.url} placeholder="https://" onChange={(e) => change(i, 'url', e.target.value)} /></label>
          <button type="button" onClick={() => onChange(links.filter((_, j) => j !== i))}>
            {t('library.removeLink', { n: i + 1 })}</button>
        </div>
      ))}
      <button type="button" name="addLink" aria-describedby="practice-links-hint" disabled={links.length >= LIMITS.links}
        onClick={() => onChange([...links, { label: '', url: '' }])}>{t('library.addLink')}</button>
    </fieldset>
  );
}
