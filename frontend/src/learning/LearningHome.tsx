import { useEffect, useState, type FormEvent } from 'react';
import type { Me } from '../app/api';
import { Choice, TextField } from '../forms/fields';
import { errorMessage, useBusyAction } from '../forms/useBusyAction';
import { useI18n } from '../i18n/i18n';
import type { Announce } from '../library/LibraryPage';
import { LibraryLink } from '../library/LibraryLink';
import { MyLearning } from './MyLearning';
import { createProgramme, credits, listProgrammes, type Programme } from './learningApi';
import { programmeUrl } from './learningRoute';

const F = 'programme-new';

/** Programmes as one list (published ones, and the drafts one coordinates), my learning, and for facilitators a new programme. */
export function LearningHome({ me, navigate, announce }: { me: Me; navigate: (p: string) => void; announce: Announce }) {
  const { t, language } = useI18n();
  const [programmes, setProgrammes] = useState<Programme[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const designer = me.roles.includes('facilitator') || me.roles.includes('admin');

  useEffect(() => {
    listProgrammes().then(setProgrammes, (e) => setLoadError(errorMessage(e)));
  }, []);

  return (
    <div className="learning-home">
      <MyLearning navigate={navigate} />
      <section className="library-panel" aria-labelledby="learning-programmes">
        <h2 id="learning-programmes">{t('learning.programmes')}</h2>
        {loadError && <p role="alert" className="error">{t('library.loadFailed', { message: loadError })}</p>}
        {!programmes && !loadError && <p className="muted">{t('app.loading')}</p>}
        {programmes?.length === 0 && <p className="muted">{t('learning.noProgrammes')}</p>}
        <ul className="learning-list">
          {programmes?.map((p) => (
            <li key={p.id} data-programme={p.id}>
              <LibraryLink href={programmeUrl(p.id)} navigate={navigate}>{p.title}</LibraryLink>
              {p.demo && <span className="badge demo">{t('library.demo')}</span>}
              {p.status === 'DRAFT' && <span className="badge">{t('learning.draft')}</span>}
              <span className="muted small">
                {' '}{t('learning.programmeFacts', { modules: p.modules.length, ects: credits(p.modules.reduce((s, m) => s + m.ectsCredits, 0), language) })}
                {p.organisation ? ` · ${p.organisation}` : ''}
              </span>
            </li>
          ))}
        </ul>
      </section>
      {designer && <NewProgramme navigate={navigate} announce={announce} />}
    </div>
  );
}

function NewProgramme({ navigate, announce }: { navigate: (p: string) => void; announce: Announce }) {
  const { t } = useI18n();
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [hoursPerCredit, setHoursPerCredit] = useState('25');
  const { busy, error, run } = useBusyAction();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(() => createProgramme({ title, summary, languages: [], hoursPerCredit: Number(hoursPerCredit) }), (p) => {
      announce(t('learning.created'), programmeUrl(p.id));
      navigate(programmeUrl(p.id));
    });
  };

  return (
    <section className="library-panel" aria-labelledby="programme-new-heading">
      <h2 id="programme-new-heading">{t('learning.newProgramme')}</h2>
      <form className="stack" aria-labelledby="programme-new-heading" onSubmit={submit}>
        <TextField form={F} name="title" label={t('learning.field.title')} value={title} max={200} required onChange={setTitle} />
        <TextField form={F} name="summary" label={t('learning.field.summary')} value={summary} max={4000} multiline onChange={setSummary} />
        <Choice placeholder={t('library.choose')} form={F} name="hoursPerCredit" label={t('learning.field.hoursPerCredit')} value={hoursPerCredit} required
          hint={t('learning.hint.hoursPerCredit')} options={['25', '26', '27', '28', '29', '30'].map((v) => ({ value: v, label: v }))}
          onChange={setHoursPerCredit} />
        {error && <p role="alert" className="error">{t('library.saveFailed', { message: error })}</p>}
        <div className="row"><button type="submit" className="primary" disabled={busy}>{t('learning.create')}</button></div>
      </form>
    </section>
  );
}
