import { useState, type FormEvent } from 'react';
import { Choice, MultiChoice, TextField } from '../forms/fields';
import { useBusyAction } from '../forms/useBusyAction';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { TEMPLATES } from '../lobby/templates';
import { lines } from './credentialText';
import { POLICY } from './labels';
import { addModule, openEdition, type Edition, type EnrolmentPolicy, type Programme } from './learningApi';

const EQF_LEVELS = ['1', '2', '3', '4', '5', '6', '7', '8'];

/**
 * A new module for a programme's coordinators: outcomes one per line under the three EQF descriptors; credits are
 * left to the server, which computes them from the workload at the programme's hours per credit (docs/learning.md,
 * "Credits") unless one is declared.
 */
export function ModuleForm({ programme, onAdded }: { programme: Programme; onAdded: (p: Programme) => void }) {
  const { t } = useI18n();
  const F = 'module-new';
  const empty = { title: '', description: '', eqfLevel: '', workloadHours: '', ectsCredits: '', knowledge: '', skills: '', autonomy: '', assessment: '',
    template: 'blank' };
  const [form, setForm] = useState(empty);
  const [prerequisites, setPrerequisites] = useState<string[]>([]);
  const { busy, error, run } = useBusyAction();
  const set = (field: keyof typeof empty) => (value: string) => setForm((f) => ({ ...f, [field]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(() => addModule(programme.id, {
      title: form.title, description: form.description, eqfLevel: Number(form.eqfLevel), workloadHours: Number(form.workloadHours),
      ectsCredits: form.ectsCredits.trim() ? Number(form.ectsCredits.replace(',', '.')) : undefined,
      outcomes: { knowledge: lines(form.knowledge), skills: lines(form.skills), responsibilityAndAutonomy: lines(form.autonomy) },
      assessment: lines(form.assessment), prerequisites, languages: programme.languages,
      template: form.template === 'blank' ? undefined : form.template,
    }), (p) => {
      setForm(empty);
      setPrerequisites([]);
      onAdded(p);
    });
  };

  return (
    <section className="library-panel" aria-labelledby="module-new-heading">
      <h2 id="module-new-heading">{t('learning.addModule')}</h2>
      <form className="stack module-form" aria-labelledby="module-new-heading" onSubmit={submit}>
        <TextField form={F} name="title" label={t('learning.field.moduleTitle')} value={form.title} max={200} required onChange={set('title')} />
        <TextField form={F} name="description" label={t('learning.field.description')} value={form.description} max={4000} multiline onChange={set('description')} />
        <Choice form={F} name="eqfLevel" label={t('learning.field.eqfLevel')} value={form.eqfLevel} required placeholder={t('library.choose')}
          hint={t('learning.hint.eqfLevel')} options={EQF_LEVELS.map((l) => ({ value: l, label: t('learning.eqfLevel', { level: l }) }))}
          onChange={set('eqfLevel')} />
        <TextField form={F} name="workloadHours" type="number" label={t('learning.field.workloadHours')} value={form.workloadHours} required
          hint={t('learning.hint.workloadHours', { hours: programme.hoursPerCredit })} onChange={set('workloadHours')} />
        <TextField form={F} name="ectsCredits" label={t('learning.field.ectsCredits')} value={form.ectsCredits} max={5}
          hint={t('learning.hint.ectsCredits')} onChange={set('ectsCredits')} />
        <TextField form={F} name="knowledge" label={t('learning.field.knowledge')} value={form.knowledge} multiline hint={t('learning.hint.onePerLine')}
          onChange={set('knowledge')} />
        <TextField form={F} name="skills" label={t('learning.field.skills')} value={form.skills} multiline hint={t('learning.hint.onePerLine')}
          onChange={set('skills')} />
        <TextField form={F} name="autonomy" label={t('learning.field.autonomy')} value={form.autonomy} multiline hint={t('learning.hint.onePerLine')}
          onChange={set('autonomy')} />
        <TextField form={F} name="assessment" label={t('learning.field.assessment')} value={form.assessment} multiline hint={t('learning.hint.onePerLine')}
          onChange={set('assessment')} />
        <Choice form={F} name="template" label={t('learning.field.template')} value={form.template} required placeholder={t('library.choose')} hint={t('learning.hint.template')}
          options={TEMPLATES.filter((k) => k !== 'peerCounselling').map((k) => ({ value: k, label: t(`template.${k}` as MessageKey) }))}
          onChange={set('template')} />
        {programme.modules.length > 0 && (
          <MultiChoice form={F} name="prerequisites" label={t('learning.field.prerequisites')} values={prerequisites}
            options={programme.modules.map((m) => ({ value: m.id, label: m.title }))} max={40} size={Math.min(6, programme.modules.length)}
            onChange={setPrerequisites} />
        )}
        {error && <p role="alert" className="error">{t('library.saveFailed', { message: error })}</p>}
        <div className="row"><button type="submit" className="primary" disabled={busy}>{t('learning.addModuleButton')}</button></div>
      </form>
    </section>
  );
}

/** A new edition of a published programme: its dates, how people enrol and how many it takes. */
export function EditionForm({ programme, onOpened }: { programme: Programme; onOpened: (e: Edition) => void }) {
  const { t } = useI18n();
  const F = 'edition-new';
  const [title, setTitle] = useState('');
  const [starts, setStarts] = useState('');
  const [ends, setEnds] = useState('');
  const [policy, setPolicy] = useState<EnrolmentPolicy>('OPEN');
  const [capacity, setCapacity] = useState('20');
  const { busy, error, run } = useBusyAction();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(() => openEdition(programme.id, { title, starts, ends, enrolment: policy, capacity: Number(capacity) }), onOpened);
  };

  return (
    <section className="library-panel" aria-labelledby="edition-new-heading">
      <h2 id="edition-new-heading">{t('learning.openEdition')}</h2>
      <form className="stack edition-form" aria-labelledby="edition-new-heading" onSubmit={submit}>
        <TextField form={F} name="title" label={t('learning.field.editionTitle')} value={title} max={200} required onChange={setTitle} />
        <TextField form={F} name="starts" type="date" label={t('learning.field.starts')} value={starts} required onChange={setStarts} />
        <TextField form={F} name="ends" type="date" label={t('learning.field.ends')} value={ends} required onChange={setEnds} />
        <Choice placeholder={t('library.choose')} form={F} name="enrolment" label={t('learning.field.enrolment')} value={policy} required
          options={(['OPEN', 'APPROVAL', 'INVITATION'] as const).map((p) => ({ value: p, label: t(POLICY[p]) }))}
          onChange={(v) => setPolicy(v as EnrolmentPolicy)} />
        <TextField form={F} name="capacity" type="number" label={t('learning.field.capacity')} value={capacity} required
          hint={t('learning.hint.capacity')} onChange={setCapacity} />
        {error && <p role="alert" className="error">{t('library.saveFailed', { message: error })}</p>}
        <div className="row"><button type="submit" className="primary" disabled={busy}>{t('learning.openEditionButton')}</button></div>
      </form>
    </section>
  );
}
