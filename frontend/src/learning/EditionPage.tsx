import { useEffect, useState } from 'react';
import { LoadingPanel } from '../forms/LoadingPanel';
import { errorMessage, useBusyAction } from '../forms/useBusyAction';
import { useI18n } from '../i18n/i18n';
import type { Announce } from '../library/LibraryPage';
import { LibraryLink } from '../library/LibraryLink';
import { AttendanceSection } from './AttendanceSection';
import { EvidenceSection } from './EvidenceSection';
import { ProgressSection } from './ProgressSection';
import { ReviewSection } from './ReviewSection';
import { CalendarForm, CredentialForm, InviteForm, ResultForm } from './EditionForms';
import { KIND, POLICY, STATUS } from './labels';
import { approve, enrol, getEdition, getProgramme, letIntoRoom, roster, withdraw, type CalendarItem, type EditionView, type Enrolment, type Programme } from './learningApi';
import { programmeUrl } from './learningRoute';
import { roomUrl } from '../community/communityRoute';
import { historyUrl } from '../history/historyApi';

/**
 * One edition: its calendar and one's place in it; for its facilitators the calendar form, invitations, the roster
 * (approving requests), results and credentials.
 */
export function EditionPage({ id, navigate, announce, setHeading }: {
  id: string; navigate: (p: string) => void; announce: Announce; setHeading: (text: string) => void;
}) {
  const { t, language } = useI18n();
  const [view, setView] = useState<EditionView | null>(null);
  const [programme, setProgramme] = useState<Programme | null>(null);
  const [people, setPeople] = useState<Enrolment[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  /** Bumped when a change here alters the progress table (a result recorded, a review round moved on). */
  const [refresh, setRefresh] = useState(0);
  const { busy, error, run } = useBusyAction();

  const load = () => getEdition(id).then((v) => {
    setView(v);
    setHeading(`${v.programmeTitle}: ${v.edition.title}`);
    if (v.facilitating) roster(id).then(setPeople, (e) => setLoadError(errorMessage(e)));
    return getProgramme(v.edition.programmeId).then(setProgramme);
  }).catch((e) => setLoadError(errorMessage(e)));
  useEffect(() => { load(); }, [id]);

  if (!view || !programme) return <LoadingPanel error={loadError} />;
  const e = view.edition;
  const mine = view.mine && view.mine.status !== 'WITHDRAWN' ? view.mine : null;
  const enrolled = people.filter((p) => p.status === 'ENROLLED');

  return (
    <div className="edition-page" data-edition={e.id}>
      <p><LibraryLink href={programmeUrl(programme.id)} navigate={navigate}>{t('learning.backToProgramme', { title: programme.title })}</LibraryLink></p>
      <section className="library-panel" aria-labelledby="edition-about">
        <h2 id="edition-about">{t('learning.edition.about')}</h2>
        <p>
          {t('learning.editionFacts', {
            starts: new Date(e.starts).toLocaleDateString(language), ends: new Date(e.ends).toLocaleDateString(language),
            taken: view.seatsTaken, capacity: e.capacity, policy: t(POLICY[e.enrolment]),
          })}
        </p>
        <div className="row">
          {mine ? <>
            <span className="badge my-status" data-status={mine.status}>{t(STATUS[mine.status])}</span>
            <button type="button" disabled={busy} onClick={() => run(() => withdraw(e.id), () => { load(); announce(t('learning.withdrawn')); })}>
              {t('learning.withdraw')}
            </button>
          </> : (
            <button type="button" className="primary enrol" disabled={busy}
              onClick={() => run(() => enrol(e.id), (r) => { load(); announce(t('learning.enrolled', { status: t(STATUS[r.status]) })); })}>
              {t('learning.enrol', { title: e.title })}
            </button>
          )}
        </div>
        {error && <p role="alert" className="error">{t('library.saveFailed', { message: error })}</p>}
      </section>

      <section className="library-panel" aria-labelledby="edition-calendar">
        <h2 id="edition-calendar">{t('learning.calendar')}</h2>
        {e.calendar.length === 0 && <p className="muted">{t('learning.noCalendar')}</p>}
        <ul className="learning-list calendar">
          {e.calendar.map((item) => (
            <CalendarEntry key={item.id} item={item} programme={programme} navigate={navigate} facilitating={view.facilitating} editionId={e.id}
              announce={announce} />
          ))}
        </ul>
      </section>

      {(view.facilitating || (mine && mine.status === 'ENROLLED')) && (
        <AttendanceSection view={view} learners={enrolled} announce={announce} onConsent={load} />
      )}

      {(view.facilitating || (mine && mine.status === 'ENROLLED')) && <EvidenceSection view={view} programme={programme} announce={announce} />}
      {(view.facilitating || (mine && mine.status === 'ENROLLED')) && <ReviewSection view={view} navigate={navigate} announce={announce}
        onChanged={() => setRefresh((n) => n + 1)} />}

      {view.facilitating && <>
        <CalendarForm edition={e} programme={programme} onAdded={() => { load(); announce(t('learning.calendarAdded')); }} />
        <section className="library-panel" aria-labelledby="edition-roster">
          <h2 id="edition-roster">{t('learning.roster')}</h2>
          {people.length === 0 && <p className="muted">{t('learning.nobodyYet')}</p>}
          {people.length > 0 && (
            <table className="learning-roster">
              <thead><tr><th scope="col">{t('learning.learner')}</th><th scope="col">{t('learning.state')}</th><th scope="col">{t('learning.action')}</th></tr></thead>
              <tbody>
                {people.map((p) => (
                  <tr key={p.learnerId} data-learner={p.username}>
                    <th scope="row">{p.name} <span className="muted small">({p.username})</span></th>
                    <td>{t(STATUS[p.status])}</td>
                    <td>{p.status === 'REQUESTED' && (
                      <ApproveButton editionId={e.id} person={p} onDone={() => { load(); announce(t('learning.approved', { name: p.name })); }} />
                    )}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        {e.enrolment !== 'OPEN' && <InviteForm edition={e} onInvited={(name) => { load(); announce(t('learning.invited', { name })); }} />}
        <ProgressSection editionId={e.id} programme={programme} refresh={refresh} />
        {enrolled.length > 0 && <>
          <ResultForm edition={e} programme={programme} learners={enrolled}
            onRecorded={(name) => { setRefresh((n) => n + 1); announce(t('learning.resultRecorded', { name })); }} />
          <CredentialForm edition={e} programme={programme} learners={enrolled} onIssued={(name) => announce(t('learning.credentialIssued', { name }))} />
        </>}
      </>}
    </div>
  );
}

function ApproveButton({ editionId, person, onDone }: { editionId: string; person: Enrolment; onDone: () => void }) {
  const { t } = useI18n();
  const { busy, error, run } = useBusyAction();
  return (
    <>
      <button type="button" disabled={busy} onClick={() => run(() => approve(editionId, person.learnerId), onDone)}>
        {t('learning.approve', { name: person.name })}
      </button>
      {error && <span role="alert" className="error">{error}</span>}
    </>
  );
}

function CalendarEntry({ item, programme, navigate, facilitating, editionId, announce }: {
  item: CalendarItem; programme: Programme; navigate: (p: string) => void; facilitating: boolean; editionId: string; announce: Announce;
}) {
  const { t, language } = useI18n();
  const { busy, error, run } = useBusyAction();
  const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short' }) : '');
  const found = programme.modules.find((m) => m.id === item.moduleId);
  const module = found?.title ?? item.moduleId;
  // A facilitator's first visit to an empty room lays out the module's template there (room/Room.tsx).
  const roomHref = item.roomId ? `${roomUrl(item.roomId)}${facilitating && found?.template ? `?template=${found.template}` : ''}` : '';
  return (
    <li data-item={item.id} data-kind={item.kind}>
      <span className="badge">{t(KIND[item.kind])}</span> <strong>{item.title}</strong> <span className="muted small">({module})</span>
      <div className="muted small">
        {item.starts && `${when(item.starts)} – ${when(item.ends)}`}
        {item.kind === 'ASSIGNMENT' && t('learning.due', { date: when(item.ends) })}
      </div>
      {item.place && <div>{item.place}</div>}
      {item.roomId && <LibraryLink href={roomHref} navigate={navigate}>{t('learning.openRoom', { title: item.title })}</LibraryLink>}
      {/* The session's history and its dossiers (docs/rooms.md, "Session dossier"), for those on the room's list. */}
      {item.roomId && <>{' · '}<LibraryLink href={`${historyUrl(item.roomId)}#dossiers-heading`} navigate={navigate} className="session-history">
        {t('learning.sessionHistory', { title: item.title })}</LibraryLink></>}
      {item.roomId && facilitating && (
        <div className="row">
          <button type="button" className="room-let-in" data-item={item.id} disabled={busy}
            onClick={() => run(() => letIntoRoom(editionId, item.id), (r) => announce(t('learning.letIn', { count: r.added })))}>
            {t('learning.letInButton', { title: item.title })}
          </button>
          {error && <span role="alert" className="error">{error}</span>}
        </div>
      )}
      {item.link && <a href={item.link} target="_blank" rel="noopener noreferrer">{t('learning.openMaterial', { title: item.title })}</a>}
    </li>
  );
}
