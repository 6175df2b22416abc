import { useEffect, useState, type FormEvent } from 'react';
import { Checkbox, Choice } from '../forms/fields';
import { errorMessage, useBusyAction } from '../forms/useBusyAction';
import { useI18n } from '../i18n/i18n';
import type { Announce } from '../library/LibraryPage';
import { attendanceOf, checkIn, setConsent, takeAttendance, type AttendanceRecord, type EditionView, type Enrolment } from './learningApi';

/**
 * Attendance without paperwork (docs/learning.md, "Attendance"): a learner says whether live sessions' attendance may
 * be read from the rooms' history; a facilitator reads it from a live session's room, or checks people in at a
 * session in person. Everyone sees the minutes they may see (facilitators all, a learner their own).
 */
export function AttendanceSection({ view, learners, announce, onConsent }: {
  view: EditionView; learners: Enrolment[]; announce: Announce; onConsent: () => void;
}) {
  const { t } = useI18n();
  const e = view.edition;
  const [records, setRecords] = useState<AttendanceRecord[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const { busy, error, run } = useBusyAction();
  const load = () => attendanceOf(e.id).then(setRecords, (err) => setLoadError(errorMessage(err)));
  useEffect(() => { load(); }, [e.id]);

  const live = e.calendar.filter((i) => i.kind === 'LIVE');
  const mine = view.mine && view.mine.status === 'ENROLLED' ? view.mine : null;
  const title = (itemId: string) => e.calendar.find((i) => i.id === itemId)?.title ?? itemId;

  return (
    <section className="library-panel attendance" aria-labelledby="attendance-heading">
      <h2 id="attendance-heading">{t('learning.attendance')}</h2>
      {mine && (
        <Checkbox form="attendance" name="consent" label={t('learning.consent')} checked={!!mine.attendanceConsent}
          hint={t('learning.consentHint')}
          onChange={(checked) => run(() => setConsent(e.id, checked), () => {
            onConsent();
            announce(t(checked ? 'learning.consentGiven' : 'learning.consentWithdrawn'));
          })} />
      )}
      {view.facilitating && live.map((item) => (
        <div className="row" key={item.id}>
          <button type="button" className="take-attendance" data-item={item.id} disabled={busy}
            onClick={() => run(() => takeAttendance(e.id, item.id), (taken) => {
              load();
              announce(t('learning.attendanceTaken', { count: taken.records.length, title: item.title })
                + (taken.withoutConsent.length ? ` ${t('learning.withoutConsent', { names: taken.withoutConsent.join(', ') })}` : ''));
            })}>{t('learning.takeAttendance', { title: item.title })}</button>
        </div>
      ))}
      {view.facilitating && <CheckInForm view={view} learners={learners} onDone={(name) => { load(); announce(t('learning.checkedIn', { name })); }} />}
      {error && <p role="alert" className="error">{t('library.saveFailed', { message: error })}</p>}
      {loadError && <p role="alert" className="error">{t('library.loadFailed', { message: loadError })}</p>}
      {records.length === 0 ? <p className="muted">{t('learning.noAttendance')}</p> : (
        <table className="learning-roster attendance-records">
          <thead><tr><th scope="col">{t('learning.session')}</th><th scope="col">{t('learning.learner')}</th>
            <th scope="col">{t('learning.minutes')}</th><th scope="col">{t('learning.source')}</th></tr></thead>
          <tbody>
            {records.map((r) => (
              <tr key={`${r.itemId}-${r.learnerId}`} data-learner={r.learnerId} data-item={r.itemId}>
                <th scope="row">{title(r.itemId)}</th><td>{r.name}</td><td className="minutes">{r.minutes}</td>
                <td>{t(r.source === 'ROOM_HISTORY' ? 'learning.source.room' : 'learning.source.checkIn')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function CheckInForm({ view, learners, onDone }: { view: EditionView; learners: Enrolment[]; onDone: (name: string) => void }) {
  const { t } = useI18n();
  const inPerson = view.edition.calendar.filter((i) => i.kind === 'IN_PERSON');
  // The first session and learner until others are chosen (either may arrive after this form first showed).
  const [chosenItem, setItem] = useState('');
  const [chosenLearner, setLearner] = useState('');
  const item = chosenItem || inPerson[0]?.id || '';
  const learner = chosenLearner || learners[0]?.learnerId || '';
  const [present, setPresent] = useState(true);
  const { busy, error, run } = useBusyAction();
  if (inPerson.length === 0 || learners.length === 0) return null;
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    await run(() => checkIn(view.edition.id, item, learner, present), (r) => onDone(r.name));
  };
  return (
    <form className="stack check-in-form" aria-label={t('learning.checkIn')} onSubmit={submit}>
      <Choice form="check-in" name="item" placeholder={t('library.choose')} label={t('learning.session')} value={item} required
        options={inPerson.map((i) => ({ value: i.id, label: i.title }))} onChange={setItem} />
      <Choice form="check-in" name="learner" placeholder={t('library.choose')} label={t('learning.learner')} value={learner} required
        options={learners.map((l) => ({ value: l.learnerId, label: `${l.name} (${l.username})` }))} onChange={setLearner} />
      <Checkbox form="check-in" name="present" label={t('learning.present')} checked={present} onChange={setPresent} />
      {error && <p role="alert" className="error">{t('library.saveFailed', { message: error })}</p>}
      <div className="row"><button type="submit" disabled={busy}>{t('learning.checkIn')}</button></div>
    </form>
  );
}
