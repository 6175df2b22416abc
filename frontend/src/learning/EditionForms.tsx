import { useState, type FormEvent } from 'react';
import { Checkbox, Choice, TextField } from '../forms/fields';
import { useBusyAction } from '../forms/useBusyAction';
import { useI18n } from '../i18n/i18n';
import { KIND } from './labels';
import { addToCalendar, invite, issueCredential, recordResult, type CalendarKind, type Edition, type Enrolment, type Programme } from './learningApi';

const KINDS: CalendarKind[] = ['LIVE', 'IN_PERSON', 'SELF_STUDY', 'ASSIGNMENT'];

/** A `datetime-local` value (the viewer's own time) as the instant the server stores, or null when empty. */
const instant = (local: string) => (local ? new Date(local).toISOString() : null);

/**
 * A calendar entry: a live session in a VET-NET room (made for it from the module's template unless a room id is
 * given), a session in person, self-study material or an assignment with its deadline.
 */
export function CalendarForm({ edition, programme, onAdded }: { edition: Edition; programme: Programme; onAdded: () => void }) {
  const { t } = useI18n();
  const F = 'calendar-new';
  const [kind, setKind] = useState<CalendarKind>('LIVE');
  const [moduleId, setModuleId] = useState(programme.modules[0]?.id ?? '');
  const [title, setTitle] = useState('');
  const [starts, setStarts] = useState('');
  const [ends, setEnds] = useState('');
  const [where, setWhere] = useState('');
  const { busy, error, run } = useBusyAction();
  const timed = kind === 'LIVE' || kind === 'IN_PERSON';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(() => addToCalendar(edition.id, {
      moduleId, kind, title, starts: timed ? instant(starts) : null, ends: instant(ends),
      roomId: kind === 'LIVE' ? where.trim() || null : null, place: kind === 'IN_PERSON' ? where : null,
      link: kind === 'SELF_STUDY' || kind === 'ASSIGNMENT' ? where || null : null,
    }), () => {
      setTitle('');
      setWhere('');
      onAdded();
    });
  };

  const whereLabel = kind === 'LIVE' ? t('learning.field.roomId') : kind === 'IN_PERSON' ? t('learning.field.place') : t('learning.field.link');
  return (
    <section className="library-panel" aria-labelledby="calendar-new-heading">
      <h2 id="calendar-new-heading">{t('learning.addToCalendar')}</h2>
      <form className="stack calendar-form" aria-labelledby="calendar-new-heading" onSubmit={submit}>
        <Choice placeholder={t('library.choose')} form={F} name="kind" label={t('learning.field.kind')} value={kind} required options={KINDS.map((k) => ({ value: k, label: t(KIND[k]) }))}
          onChange={(v) => setKind(v as CalendarKind)} />
        <Choice placeholder={t('library.choose')} form={F} name="moduleId" label={t('learning.module')} value={moduleId} required
          options={programme.modules.map((m) => ({ value: m.id, label: m.title }))} onChange={setModuleId} />
        <TextField form={F} name="title" label={t('learning.field.entryTitle')} value={title} max={200} required onChange={setTitle} />
        {timed && <TextField form={F} name="starts" type="datetime-local" label={t('learning.field.startsAt')} value={starts} required onChange={setStarts} />}
        {kind !== 'SELF_STUDY' && (
          <TextField form={F} name="ends" type="datetime-local" label={kind === 'ASSIGNMENT' ? t('learning.field.deadline') : t('learning.field.endsAt')}
            value={ends} required onChange={setEnds} />
        )}
        <TextField form={F} name="where" label={whereLabel} value={where} max={2000} required={kind === 'IN_PERSON' || kind === 'SELF_STUDY'}
          hint={kind === 'LIVE' ? t('learning.hint.roomId') : undefined} onChange={setWhere} />
        {error && <p role="alert" className="error">{t('library.saveFailed', { message: error })}</p>}
        <div className="row"><button type="submit" className="primary" disabled={busy}>{t('learning.addToCalendarButton')}</button></div>
      </form>
    </section>
  );
}

export function InviteForm({ edition, onInvited }: { edition: Edition; onInvited: (username: string) => void }) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const { busy, error, run } = useBusyAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(() => invite(edition.id, username.trim()), () => {
      onInvited(username.trim());
      setUsername('');
    });
  };
  return (
    <section className="library-panel" aria-labelledby="invite-heading">
      <h2 id="invite-heading">{t('learning.invite')}</h2>
      {edition.invited.length > 0 && <p className="muted small">{t('learning.invitedList', { names: edition.invited.join(', ') })}</p>}
      <form className="stack" aria-labelledby="invite-heading" onSubmit={submit}>
        <TextField form="invite" name="username" label={t('learning.field.username')} value={username} max={100} required onChange={setUsername} />
        {error && <p role="alert" className="error">{t('library.saveFailed', { message: error })}</p>}
        <div className="row"><button type="submit" disabled={busy}>{t('learning.inviteButton')}</button></div>
      </form>
    </section>
  );
}

/** A learner's result in one module: passed or not, and the grade as they should read it. */
export function ResultForm({ edition, programme, learners, onRecorded }: {
  edition: Edition; programme: Programme; learners: Enrolment[]; onRecorded: (name: string) => void;
}) {
  const { t } = useI18n();
  const F = 'result';
  const [learner, setLearner] = useState(learners[0]?.learnerId ?? '');
  const [moduleId, setModuleId] = useState(programme.modules[0]?.id ?? '');
  const [passed, setPassed] = useState(true);
  const [grade, setGrade] = useState('');
  const { busy, error, run } = useBusyAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(() => recordResult(edition.id, learner, moduleId, passed, grade), () => {
      setGrade('');
      onRecorded(learners.find((l) => l.learnerId === learner)?.name ?? learner);
    });
  };
  return (
    <section className="library-panel" aria-labelledby="result-heading">
      <h2 id="result-heading">{t('learning.recordResult')}</h2>
      <form className="stack result-form" aria-labelledby="result-heading" onSubmit={submit}>
        <Choice placeholder={t('library.choose')} form={F} name="learner" label={t('learning.learner')} value={learner} required
          options={learners.map((l) => ({ value: l.learnerId, label: `${l.name} (${l.username})` }))} onChange={setLearner} />
        <Choice placeholder={t('library.choose')} form={F} name="module" label={t('learning.module')} value={moduleId} required
          options={programme.modules.map((m) => ({ value: m.id, label: m.title }))} onChange={setModuleId} />
        <Checkbox form={F} name="passed" label={t('learning.field.passed')} checked={passed} onChange={setPassed} />
        <TextField form={F} name="grade" label={t('learning.grade')} value={grade} max={40} onChange={setGrade} />
        {error && <p role="alert" className="error">{t('library.saveFailed', { message: error })}</p>}
        <div className="row"><button type="submit" className="primary" disabled={busy}>{t('learning.recordButton')}</button></div>
      </form>
    </section>
  );
}

/** A credential for a module passed, or for the whole programme once every module is. */
export function CredentialForm({ edition, programme, learners, onIssued }: {
  edition: Edition; programme: Programme; learners: Enrolment[]; onIssued: (name: string) => void;
}) {
  const { t } = useI18n();
  const F = 'credential';
  const [learner, setLearner] = useState(learners[0]?.learnerId ?? '');
  const [achievement, setAchievement] = useState('programme');
  const { busy, error, run } = useBusyAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(() => issueCredential(edition.id, learner, achievement), () => onIssued(learners.find((l) => l.learnerId === learner)?.name ?? learner));
  };
  return (
    <section className="library-panel" aria-labelledby="credential-heading">
      <h2 id="credential-heading">{t('learning.issue')}</h2>
      <p className="muted small">{t('learning.issueHint')}</p>
      <form className="stack credential-form" aria-labelledby="credential-heading" onSubmit={submit}>
        <Choice placeholder={t('library.choose')} form={F} name="learner" label={t('learning.learner')} value={learner} required
          options={learners.map((l) => ({ value: l.learnerId, label: `${l.name} (${l.username})` }))} onChange={setLearner} />
        <Choice placeholder={t('library.choose')} form={F} name="achievement" label={t('learning.field.achievement')} value={achievement} required
          options={[{ value: 'programme', label: t('learning.wholeProgramme', { title: programme.title }) },
            ...programme.modules.map((m) => ({ value: m.id, label: m.title }))]} onChange={setAchievement} />
        {error && <p role="alert" className="error">{t('library.saveFailed', { message: error })}</p>}
        <div className="row"><button type="submit" className="primary" disabled={busy}>{t('learning.issueButton')}</button></div>
      </form>
    </section>
  );
}
