import { useEffect, useRef, useState, type FormEvent } from 'react';
import { createRoom, type Me } from '../app/api';
import { Choice, TextField } from '../forms/fields';
import { LoadingPanel } from '../forms/LoadingPanel';
import { organisationTypeOptions } from '../forms/options';
import { errorMessage as message, useBusyAction } from '../forms/useBusyAction';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { LibraryLink } from '../library/LibraryLink';
import type { Announce } from '../library/LibraryPage';
import { editPracticeUrl, practiceUrl } from '../library/libraryRoute';
import { countryName, languageName, organisationTypeName, regionName } from '../library/reference';
import {
  acceptedUsernames, CASE_LIMITS, canOpenRoom, defaultStart, invitationBody, localInputValue, myInvitation, outcomeBody,
} from './caseForm';
import {
  answerInvitation, caseCalendarPath, caseSuggestions, caseToPractice, getCase, invitePeers, recordOutcome, setCaseRoom,
  type CommunityReference, type CounsellingCase, type Suggestion,
} from './communityApi';
import { counsellingRoomUrl, COUNSELLING_PATH, roomUrl } from './communityRoute';
import { CaseStatusBadge, meetingText } from './CounsellingHome';
import { reasonText, sectorLabel } from './reasons';

/**
 * One case of peer counselling. Its author sees the peers the server suggests (and why), invites some of them to a
 * meeting, opens the counselling room once someone accepted, records the outcome and turns it into a draft
 * practice for the library. An invited peer accepts or declines, and finds the room here. The challenge is shown as
 * the text it is (Markdown unrendered, line breaks kept): nothing a member wrote becomes markup.
 */
export function CaseDetail({ id, me, reference, navigate, announce }: {
  id: string; me: Me; reference: CommunityReference | null; navigate: (p: string) => void; announce: Announce;
}) {
  const { t, language } = useI18n();
  const [c, setCase] = useState<CounsellingCase | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const { busy, setBusy, error, setError, run } = useBusyAction();
  // A room made for this case whose id the case did not take (the PUT failed): trying again reuses it.
  const createdRoom = useRef<string | null>(null);
  // The organisation type a practice needs, asked for when the case has none.
  const [practiceType, setPracticeType] = useState('');

  useEffect(() => {
    getCase(id).then(setCase, (e) => setLoadError(message(e)));
  }, [id]);

  if (!c) {
    return (
      <LoadingPanel error={loadError}>
        <LibraryLink href={COUNSELLING_PATH} navigate={navigate}>{t('counselling.back')}</LibraryLink>
      </LoadingPanel>
    );
  }

  /** Runs one change of the case; the answer replaces it and the status region says what happened. */
  const act = (what: () => Promise<CounsellingCase>, done: (changed: CounsellingCase) => string) => run(what, (changed) => {
    setCase(changed);
    announce(done(changed));
  });

  const openRoom = async () => {
    setBusy(true);
    setError(null);
    try {
      let roomId = createdRoom.current;
      if (!roomId) {
        const room = await createRoom({
          title: t('counselling.roomTitle', { title: c.title }), kind: 'PEER_COUNSELLING', template: 'peerCounselling',
          access: { participants: acceptedUsernames(c), observers: [], facilitators: [] },
        });
        roomId = createdRoom.current = room.id;
      }
      await setCaseRoom(c.id, roomId);
      navigate(counsellingRoomUrl(roomId, c.id));
    } catch (e) {
      setError(message(e));
      setBusy(false);
    }
  };

  const toPractice = async () => {
    if (!c.organisationType && !practiceType) {
      setError(t('counselling.chooseOrganisationType'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const practice = await caseToPractice(c.id, c.organisationType ? undefined : practiceType);
      navigate(editPracticeUrl(practice.id));
    } catch (e) {
      setError(message(e));
      setBusy(false);
    }
  };

  const mine = c.mine;
  const invitation = mine ? null : myInvitation(c, me);
  const closed = c.status === 'CLOSED';
  const date = (iso: string) => new Date(iso).toLocaleDateString(language, { dateStyle: 'long' });
  const place = [c.country && countryName(reference, c.country, language), c.region && regionName(reference, c.region)].filter(Boolean).join(', ');
  const seesRoom = mine || invitation?.status === 'ACCEPTED';

  return (
    <article className="library-panel case-detail" aria-labelledby="case-title">
      <p><LibraryLink href={COUNSELLING_PATH} navigate={navigate}>{t('counselling.back')}</LibraryLink></p>
      <h2 id="case-title">{c.title} <CaseStatusBadge status={c.status} /></h2>
      <p className="muted small">
        {t('counselling.byline', { name: c.author.name || c.author.username, date: date(c.createdAt) })}
        {c.organisation && <> · {c.organisation}</>}
      </p>
      <dl className="library-meta">
        {c.sector && <div><dt>{t('library.field.sector')}</dt><dd>{sectorLabel(reference, c.sector, language)}</dd></div>}
        {place && <div><dt>{t('library.field.country')}</dt><dd>{place}</dd></div>}
        {c.language && <div><dt>{t('counselling.field.language')}</dt><dd>{languageName(c.language, language)}</dd></div>}
        {c.topics?.length > 0 && <div><dt>{t('counselling.topics')}</dt><dd>{c.topics.join(', ')}</dd></div>}
        {c.organisationType && (
          <div><dt>{t('library.field.organisationType')}</dt><dd>{organisationTypeName(reference, c.organisationType, language)}</dd></div>
        )}
      </dl>

      {error && <p role="alert" className="error">{t('library.actionFailed', { message: error })}</p>}

      <section aria-labelledby="case-challenge">
        <h3 id="case-challenge">{t('counselling.field.challenge')}</h3>
        <p className="library-text case-challenge">{c.challenge}</p>
      </section>

      <section aria-labelledby="case-meeting">
        <h3 id="case-meeting">{t('counselling.meeting')}</h3>
        <p>{c.meeting ? meetingText(c.meeting, language, t) : t('counselling.noMeeting')}</p>
        <div className="row library-actions">
          {c.meeting && (
            <a className="case-calendar" href={caseCalendarPath(c.id)} download={`vetnet-case-${c.id}.ics`}>{t('counselling.addToCalendar')}</a>
          )}
          {c.roomId && seesRoom && (
            <a className="case-room-link" href={roomUrl(c.roomId)} onClick={(e) => {
              if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
              e.preventDefault();
              navigate(roomUrl(c.roomId!));
            }}>{t('counselling.goToRoom')}</a>
          )}
          {canOpenRoom(c) && (
            <button type="button" name="open-room" className="primary" disabled={busy} onClick={() => void openRoom()}>
              {t('counselling.openRoom')}</button>
          )}
        </div>
        {mine && !c.roomId && !closed && !canOpenRoom(c) && <p className="muted small">{t('counselling.roomAfterAccept')}</p>}
      </section>

      {invitation && (
        <section aria-labelledby="case-answer">
          <h3 id="case-answer">{t('counselling.yourAnswer')}</h3>
          <p>{t(`counselling.answer.${invitation.status}` as MessageKey)}</p>
          {!closed && (
            <div className="row">
              <button type="button" name="accept" className={invitation.status === 'ACCEPTED' ? undefined : 'primary'} disabled={busy}
                aria-pressed={invitation.status === 'ACCEPTED'}
                onClick={() => void act(() => answerInvitation(c.id, 'ACCEPTED'), () => t('counselling.acceptedNow'))}>{t('counselling.accept')}</button>
              <button type="button" name="decline" disabled={busy} aria-pressed={invitation.status === 'DECLINED'}
                onClick={() => void act(() => answerInvitation(c.id, 'DECLINED'), () => t('counselling.declinedNow'))}>{t('counselling.decline')}</button>
            </div>
          )}
        </section>
      )}

      {mine && !closed && (
        <InviteForm c={c} reference={reference} busy={busy}
          onInvite={(body) => act(() => invitePeers(c.id, body), () => t('counselling.invitationsSent', { count: body.peers.length }))} />
      )}

      {c.invitations.length > 0 && (
        <section aria-labelledby="case-invitations">
          <h3 id="case-invitations">{t('counselling.invitations')}</h3>
          <ul className="case-invitations">
            {c.invitations.map((i) => (
              <li key={i.peer.id} data-user={i.peer.username} data-status={i.status}>
                <span>{i.peer.name || i.peer.username}</span>{' '}
                <span className={`badge invitation-status invitation-${i.status.toLowerCase()}`}>{t(`counselling.invitation.${i.status}` as MessageKey)}</span>
                {i.answeredAt && <span className="muted small"> {date(i.answeredAt)}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="case-outcome">
        <h3 id="case-outcome">{t('counselling.outcome')}</h3>
        {mine ? (
          <OutcomeForm c={c} busy={busy}
            onSave={(body) => act(() => recordOutcome(c.id, body), () => t('counselling.outcomeSaved'))} />
        ) : c.outcome ? (
          <OutcomeText outcome={c.outcome} />
        ) : <p className="muted">{t('counselling.noOutcome')}</p>}
        {mine && c.outcome && (
          <div className="row library-actions case-practice-row">
            {c.practiceId ? (
              <LibraryLink href={practiceUrl(c.practiceId)} navigate={navigate} className="case-practice-link">{t('counselling.openPractice')}</LibraryLink>
            ) : (
              <>
                {!c.organisationType && (
                  <Choice form="practice" name="organisationType" label={t('library.field.organisationType')} value={practiceType}
                    required placeholder={t('library.choose')} options={organisationTypeOptions(reference, language)}
                    onChange={setPracticeType} />
                )}
                <button type="button" name="to-practice" disabled={busy} aria-describedby="to-practice-hint" onClick={() => void toPractice()}>
                  {t('counselling.toPractice')}</button>
                <span id="to-practice-hint" className="muted small">{t('counselling.toPracticeHint')}</span>
              </>
            )}
          </div>
        )}
      </section>
    </article>
  );
}

/** The author's choice of peers among the suggestions, and when they meet. */
function InviteForm({ c, reference, busy, onInvite }: {
  c: CounsellingCase; reference: CommunityReference | null; busy: boolean;
  onInvite: (body: { peers: string[]; start: string; minutes: number; message?: string }) => Promise<boolean>;
}) {
  const { t, language } = useI18n();
  const [suggestions, setSuggestions] = useState<Suggestion[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [peers, setPeers] = useState<string[]>([]);
  const [start, setStart] = useState(() => (c.meeting ? localInputValue(new Date(c.meeting.start)) : defaultStart(new Date())));
  const [minutes, setMinutes] = useState(() => String(c.meeting?.minutes ?? 60));
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<MessageKey | null>(null);

  useEffect(() => {
    caseSuggestions(c.id).then(setSuggestions, (e) => setLoadError(message(e)));
  }, [c.id]);

  const invited = new Set(c.invitations.map((i) => i.peer.id));
  const toggle = (id: string, on: boolean) => setPeers((p) => (on ? [...p, id] : p.filter((x) => x !== id)));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = invitationBody({ peers, start, minutes, message: note }, new Date());
    if ('problem' in result) {
      setProblem(result.problem);
      return;
    }
    setProblem(null);
    if (await onInvite(result.body)) {
      setPeers([]);
      setNote('');
    }
  };

  return (
    <section aria-labelledby="case-invite">
      <h3 id="case-invite">{t('counselling.invitePeers')}</h3>
      <form className="invite-form stack" onSubmit={submit}>
        <fieldset>
          <legend>{t('counselling.suggested')}</legend>
          <p className="muted small">{t('counselling.suggestedHint')}</p>
          {loadError && <p role="alert" className="error">{t('library.loadFailed', { message: loadError })}</p>}
          {!suggestions && !loadError && <p className="muted">{t('app.loading')}</p>}
          {suggestions?.length === 0 && <p>{t('counselling.noSuggestions')}</p>}
          {suggestions && suggestions.length > 0 && (
            <ul className="suggestions">
              {suggestions.map(({ person: p, reasons }) => {
                const already = invited.has(p.id);
                const boxId = `invite-${p.id}`;
                return (
                  <li key={p.id} className="suggestion" data-user={p.username}>
                    <div className="community-check">
                      <input type="checkbox" id={boxId} name="invite" value={p.id} disabled={already}
                        checked={already || peers.includes(p.id)} aria-describedby={`${boxId}-reasons`}
                        onChange={(e) => toggle(p.id, e.target.checked)} />
                      <label htmlFor={boxId}>
                        <strong>{p.displayName || p.username}</strong>{p.organisation && <> — {p.organisation}</>}
                      </label>
                      {already && <span className="badge">{t('counselling.alreadyInvited')}</span>}
                      {p.demo && <span className="badge library-demo">{t('library.demo')}</span>}
                    </div>
                    {p.headline && <p className="muted small suggestion-headline">{p.headline}</p>}
                    <ul className="reasons" id={`${boxId}-reasons`} aria-label={t('counselling.whySuggested')}>
                      {reasons.map((r, i) => <li key={i}>{reasonText(r, t, language, reference)}</li>)}
                    </ul>
                  </li>
                );
              })}
            </ul>
          )}
        </fieldset>
        <div className="community-filters">
          <div className="library-field">
            <label htmlFor="invite-start">{t('counselling.start')}</label>
            <input id="invite-start" type="datetime-local" name="start" required value={start} onChange={(e) => setStart(e.target.value)}
              aria-describedby="invite-start-hint" />
            <span id="invite-start-hint" className="muted small">{t('counselling.hint.start')}</span>
          </div>
          <div className="library-field">
            <label htmlFor="invite-minutes">{t('counselling.minutes')}</label>
            <input id="invite-minutes" type="number" name="minutes" required min={CASE_LIMITS.minMinutes} max={CASE_LIMITS.maxMinutes}
              value={minutes} onChange={(e) => setMinutes(e.target.value)} aria-describedby="invite-minutes-hint" />
            <span id="invite-minutes-hint" className="muted small">
              {t('counselling.hint.minutes', { min: CASE_LIMITS.minMinutes, max: CASE_LIMITS.maxMinutes })}</span>
          </div>
        </div>
        <TextField form="invite" name="message" label={t('counselling.message')} value={note} max={CASE_LIMITS.message} multiline
          hint={t('counselling.hint.message')} onChange={setNote} />
        {problem && <p role="alert" className="error">{t(problem)}</p>}
        <div className="row">
          <button type="submit" name="invite" className="primary" disabled={busy}>{t('counselling.invite')}</button>
        </div>
      </form>
    </section>
  );
}

function OutcomeForm({ c, busy, onSave }: {
  c: CounsellingCase; busy: boolean; onSave: (body: { advice: string; nextSteps: string }) => Promise<boolean>;
}) {
  const { t, language } = useI18n();
  const [advice, setAdvice] = useState(c.outcome?.advice ?? '');
  const [nextSteps, setNextSteps] = useState(c.outcome?.nextSteps ?? '');
  return (
    <form className="outcome-form stack" onSubmit={(e) => {
      e.preventDefault();
      void onSave(outcomeBody({ advice, nextSteps }));
    }}>
      <p className="muted small">{c.outcome ? t('counselling.outcomeRecorded', { date: new Date(c.outcome.recordedAt).toLocaleString(language, { dateStyle: 'long', timeStyle: 'short' }) }) : t('counselling.hint.outcome')}</p>
      <TextField form="outcome" name="advice" label={t('counselling.advice')} value={advice} max={CASE_LIMITS.outcome} required multiline rows={5}
        onChange={setAdvice} />
      <TextField form="outcome" name="nextSteps" label={t('counselling.nextSteps')} value={nextSteps} max={CASE_LIMITS.outcome} multiline rows={4}
        onChange={setNextSteps} />
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>{c.outcome ? t('counselling.saveOutcome') : t('counselling.recordOutcome')}</button>
      </div>
    </form>
  );
}

function OutcomeText({ outcome }: { outcome: NonNullable<CounsellingCase['outcome']> }) {
  const { t } = useI18n();
  return (
    <dl className="case-outcome">
      <dt>{t('counselling.advice')}</dt>
      <dd className="library-text">{outcome.advice}</dd>
      <dt>{t('counselling.nextSteps')}</dt>
      <dd className="library-text">{outcome.nextSteps}</dd>
    </dl>
  );
}
