import { useEffect, useRef, useState, type FormEvent } from 'react';
import { listRooms, signIn, type Me, type RoomRecord } from '../app/api';
import { defaultStart } from '../community/caseForm';
import type { CommunityReference } from '../community/communityApi';
import { TextField } from '../forms/fields';
import { LoadingPanel } from '../forms/LoadingPanel';
import { languageOptions, type Option } from '../forms/options';
import { errorMessage as message, useBusyAction } from '../forms/useBusyAction';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { myPractices, practicePublicPath, type Practice } from '../library/libraryApi';
import type { Announce } from '../library/LibraryPage';
import { LibraryLink } from '../library/LibraryLink';
import { languageName, licenceShort } from '../library/reference';
import type { SetHeading } from './CommunitiesPage';
import {
  answerJoinRequest, communityFeedPath, communityPublicPath, communityThreads, getCommunity, joinCommunity, joinRequests, leaveCommunity,
  linkPractice, linkSession, publicCommunity, startThread, type CommunityHome, type CommunitySession, type JoinRequest, type ThreadSummary,
} from './communitiesApi';
import {
  communityPowers, COMMUNITY_LIMITS, defaultThreadLanguage, joinMessage, orderSessions, requestUsername, sessionBody, type ThreadForm,
} from './communitiesForm';
import { COMMUNITIES_PATH, communityUrl, threadUrl } from './communitiesRoute';
import { CommunityFacts, RoleBadge } from './CommunityList';
import { NewThreadForm, ThreadList, When } from './Discussion';

const roomPath = (roomId: string) => `/rooms/${encodeURIComponent(roomId)}`;

/**
 * A community's home: what it is about and who moderates it, joining and leaving, its sessions (rooms linked by the
 * moderators) and practices, and for members its discussions, filtered by language in the address. Moderators
 * also answer requests to join, link sessions and see how many reports each discussion has. Signed out, the
 * public part, with the sign-in offered where it is needed.
 */
export function CommunityHomePage({ slug, language: filter, me, reference, navigate, announce, setHeading }: {
  slug: string; language: string; me: Me | null; reference: CommunityReference | null; navigate: (p: string) => void;
  announce: Announce; setHeading: SetHeading;
}) {
  const { t, language } = useI18n();
  const [home, setHome] = useState<CommunityHome | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const { busy, setBusy, error, setError, run } = useBusyAction();
  const [filtered, setFiltered] = useState<{ language: string; threads: ThreadSummary[] } | null>(null);
  const [threadsError, setThreadsError] = useState<string | null>(null);
  const membershipHeading = useRef<HTMLHeadingElement>(null);
  const signedIn = !!me;

  useEffect(() => {
    (signedIn ? getCommunity(slug) : publicCommunity(slug)).then(setHome, (e) => setLoadError(message(e)));
  }, [slug, signedIn]);

  const name = home?.community.name;
  useEffect(() => {
    if (name) setHeading(name);
  }, [name, setHeading]);

  // Feed readers and browsers find the community's feed in the document's head; the page links it visibly too.
  useEffect(() => {
    if (!name) return;
    const link = document.createElement('link');
    link.rel = 'alternate';
    link.type = 'application/atom+xml';
    link.href = communityFeedPath(slug);
    link.title = t('communities.feedOf', { name });
    document.head.appendChild(link);
    return () => link.remove();
  }, [slug, name, t]);

  const { member, moderator } = communityPowers(home?.myRole, me?.roles);
  // The home carries the 10 newest discussions; members get the list itself (up to 200), in the language chosen.
  useEffect(() => {
    setThreadsError(null);
    if (!member) return;
    let live = true;
    communityThreads(slug, filter).then((threads) => { if (live) setFiltered({ language: filter, threads }); },
      (e) => { if (live) setThreadsError(message(e)); });
    return () => { live = false; };
  }, [slug, filter, member]);

  if (!home) {
    return (
      <LoadingPanel error={loadError}>
        <LibraryLink href={COMMUNITIES_PATH} navigate={navigate}>{t('communities.all')}</LibraryLink>
      </LoadingPanel>
    );
  }

  /** Runs one change; the answer replaces the home and the status region says what happened. */
  const act = (what: () => Promise<CommunityHome>, done: (changed: CommunityHome) => string, focusMembership = false) =>
    run(what, (changed) => {
      setHome(changed);
      announce(done(changed));
      // The button pressed is gone (Join became Leave): focus goes to the section's heading, not to the page's top.
      if (focusMembership) setTimeout(() => membershipHeading.current?.focus(), 0);
    });

  const c = home.community;
  const role = home.myRole;
  const sessions = orderSessions(home.upcomingSessions, home.pastSessions);
  const threads = filtered?.language === filter ? filtered.threads : filter ? null : home.threads;
  const threadLanguages = languageChoices(c.languages, reference, language);
  const filterLanguages = [...new Set([...c.languages, ...home.threads.map((th) => th.language), ...(filter ? [filter] : [])])];

  const newThread = async (form: ThreadForm) => {
    setBusy(true);
    setError(null);
    try {
      const created = await startThread(slug, form);
      const target = threadUrl(slug, created.id);
      announce(t('discussion.created'), target);
      navigate(target);
      return true;
    } catch (e) {
      setError(message(e));
      setBusy(false);
      return false;
    }
  };

  return (
    <div className="community-home" data-community={c.slug} data-role={role ?? 'NONE'}>
      <p><LibraryLink href={COMMUNITIES_PATH} navigate={navigate}>{t('communities.all')}</LibraryLink></p>
      {error && <p role="alert" className="error">{t('library.actionFailed', { message: error })}</p>}
      <div className="community-columns">
        <div>
          <section className="library-panel" aria-labelledby="community-about">
            <h2 id="community-about">
              {t('communities.about')}
              {role && <RoleBadge role={role} />}
              {c.demo && <span className="badge library-demo">{t('library.demo')}</span>}
            </h2>
            <div className="community-description discussion-body" dangerouslySetInnerHTML={{ __html: c.descriptionHtml }} />
            <CommunityFacts languages={c.languages} sectors={c.sectors} memberCount={c.memberCount} joining={c.joining}
              reference={reference} language={language} />
            {c.moderators.length > 0 && (
              <p className="community-moderators">
                <span className="muted">{t('communities.moderators')}:</span> {c.moderators.map((m) => m.name).join(', ')}
              </p>
            )}
            <p className="row community-public-links">
              <a href={communityPublicPath(c.slug)} className="community-public-link">{t('communities.publicPage')}</a>
              <a href={communityFeedPath(c.slug)} className="community-feed-link" type="application/atom+xml">{t('library.feed')}</a>
            </p>
          </section>

          <section className="library-panel community-discussions" aria-labelledby="community-discussions">
            <h2 id="community-discussions">{t('discussion.heading')}</h2>
            {!signedIn ? (
              <p>{t('communities.signInForDiscussions')}{' '}
                <button type="button" className="link" onClick={() => signIn()}>{t('library.signIn')}</button></p>
            ) : !member ? (
              <p className="muted">{t('communities.joinForDiscussions')}</p>
            ) : (
              <>
                <div className="library-field thread-filter">
                  <label htmlFor="thread-filter-language">{t('discussion.filterLanguage')}</label>
                  <select id="thread-filter-language" name="languageFilter" value={filter}
                    onChange={(e) => navigate(communityUrl(slug, e.target.value))}>
                    <option value="">{t('discussion.allLanguages')}</option>
                    {filterLanguages.map((l) => <option key={l} value={l}>{languageName(l, language)}</option>)}
                  </select>
                </div>
                {threadsError && <p role="alert" className="error">{t('library.loadFailed', { message: threadsError })}</p>}
                {!threads && !threadsError && <p className="muted">{t('app.loading')}</p>}
                {threads && (
                  <>
                    <p className="muted small thread-count">
                      {filter
                        ? t('discussion.countIn', { count: threads.length, language: languageName(filter, language) })
                        : t('discussion.count', { count: threads.length })}
                    </p>
                    {threads.length === 0
                      ? <p className="muted">{t(filter ? 'discussion.noneInLanguage' : 'discussion.none')}</p>
                      : <ThreadList slug={slug} threads={threads} moderator={moderator} navigate={navigate} />}
                  </>
                )}
                <h3 id="thread-form-heading">{t('discussion.new')}</h3>
                <NewThreadForm languages={threadLanguages} busy={busy}
                  initialLanguage={defaultThreadLanguage(c.languages, language, filter)} onSubmit={newThread} />
              </>
            )}
          </section>
        </div>

        <div>
          <section className="library-panel community-membership" aria-labelledby="community-membership">
            <h2 id="community-membership" ref={membershipHeading} tabIndex={-1}>{t('communities.membership')}</h2>
            <Membership home={home} signedIn={signedIn} busy={busy}
              onJoin={(text) => act(() => joinCommunity(slug, joinMessage(text)),
                (h) => t(h.myRole === 'REQUESTED' ? 'communities.requestSent' : 'communities.joined', { name: h.community.name }), true)}
              onLeave={(withdraw) => act(() => leaveCommunity(slug),
                (h) => t(withdraw ? 'communities.requestWithdrawn' : 'communities.left', { name: h.community.name }), true)} />
          </section>

          {moderator && (c.joining === 'REQUEST' || home.pendingRequests > 0) && (
            <JoinRequests slug={slug} pending={home.pendingRequests} busy={busy}
              onAnswer={(r, accept) => act(() => answerJoinRequest(slug, r.person.id, accept),
                () => t(accept ? 'communities.accepted' : 'communities.refused', { name: r.person.name || requestUsername(r) }))} />
          )}

          <section className="library-panel community-sessions" aria-labelledby="community-sessions">
            <h2 id="community-sessions">{t('communities.sessions')}</h2>
            <h3>{t('communities.upcoming')}</h3>
            <SessionList sessions={sessions.upcoming} member={member} empty={t('communities.noUpcoming')} navigate={navigate} />
            <h3>{t('communities.past')}</h3>
            <SessionList sessions={sessions.past} member={member} empty={t('communities.noPast')} navigate={navigate} />
            {!member && (sessions.upcoming.length > 0 || sessions.past.length > 0) && (
              <p className="muted small">{t('communities.sessionsForMembers')}</p>
            )}
            {moderator && (
              <SessionForm busy={busy} onLink={(body) => act(() => linkSession(slug, body), () => t('communities.sessionLinked', { title: body.title }))} />
            )}
          </section>

          <section className="library-panel community-practices" aria-labelledby="community-practices">
            <h2 id="community-practices">{t('communities.practices')}</h2>
            {home.practices.length === 0 ? <p className="muted">{t('communities.noPractices')}</p> : (
              <ul className="community-practice-list">
                {home.practices.map((p) => (
                  <li key={p.id} className="community-practice" data-practice={p.slug}>
                    <a href={practicePublicPath(p.slug)}>{p.title}</a>
                    {p.licence && <span className="badge">{licenceShort(reference, p.licence)}</span>}
                    {p.summary && <p className="muted small">{p.summary}</p>}
                  </li>
                ))}
              </ul>
            )}
            {member && (
              <PracticeForm linked={home.practices.map((p) => p.id)} busy={busy}
                onLink={(practice) => act(() => linkPractice(slug, practice.id), () => t('communities.practiceLinked', { title: practice.title }))} />
            )}
          </section>
        </div>
      </div>
    </div>
  );
}

/** The languages a discussion may be written in: the community's, or every language when it names none. */
function languageChoices(languages: string[], reference: CommunityReference | null, viewer: string): Option[] {
  if (languages.length === 0) return languageOptions(reference, viewer);
  return languages.map((l) => ({ value: l, label: languageName(l, viewer) }));
}

function Membership({ home, signedIn, busy, onJoin, onLeave }: {
  home: CommunityHome; signedIn: boolean; busy: boolean; onJoin: (message: string) => Promise<boolean>; onLeave: (withdraw: boolean) => void;
}) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const role = home.myRole;
  const byRequest = home.community.joining === 'REQUEST';

  if (!signedIn) {
    return (
      <p>{t('communities.signInToJoin')}{' '}
        <button type="button" className="link" onClick={() => signIn()}>{t('library.signIn')}</button></p>
    );
  }
  if (role === 'MEMBER' || role === 'MODERATOR') {
    return (
      <>
        <p>{t(role === 'MODERATOR' ? 'communities.youModerate' : 'communities.youAreMember')}</p>
        <button type="button" name="leave" disabled={busy} onClick={() => onLeave(false)}>{t('communities.leave')}</button>
      </>
    );
  }
  if (role === 'REQUESTED') {
    return (
      <>
        <p>{t('communities.requestWaiting')}</p>
        <button type="button" name="withdraw" disabled={busy} onClick={() => onLeave(true)}>{t('communities.withdraw')}</button>
      </>
    );
  }
  if (!byRequest) {
    return (
      <>
        <p className="muted small">{t('communities.joiningHint.OPEN')}</p>
        <button type="button" name="join" className="primary" disabled={busy} onClick={() => void onJoin('')}>{t('communities.join')}</button>
      </>
    );
  }
  return (
    <form className="join-form stack" onSubmit={(e) => { e.preventDefault(); void onJoin(note).then((ok) => { if (ok) setNote(''); }); }}>
      <p className="muted small">{t('communities.joiningHint.REQUEST')}</p>
      <TextField form="join" name="message" label={t('communities.joinMessage')} value={note} max={COMMUNITY_LIMITS.joinMessage} multiline rows={3}
        hint={t('communities.hint.joinMessage')} onChange={setNote} />
      <div className="row">
        <button type="submit" name="join" className="primary" disabled={busy}>{t('communities.askToJoin')}</button>
      </div>
    </form>
  );
}

/** The moderators' list of people asking to join, read again whenever the count on the home changes. */
function JoinRequests({ slug, pending, busy, onAnswer }: {
  slug: string; pending: number; busy: boolean; onAnswer: (request: JoinRequest, accept: boolean) => Promise<boolean>;
}) {
  const { t } = useI18n();
  const [requests, setRequests] = useState<JoinRequest[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    joinRequests(slug).then((r) => { if (live) setRequests(r); }, (e) => { if (live) setError(message(e)); });
    return () => { live = false; };
  }, [slug, pending]);

  const answer = async (r: JoinRequest, accept: boolean) => {
    if (await onAnswer(r, accept)) setRequests((list) => list?.filter((x) => x.person.id !== r.person.id) ?? null);
  };

  return (
    <section className="library-panel community-requests" aria-labelledby="community-requests">
      <h2 id="community-requests">{t('communities.requests')} <span className="library-count">({requests?.length ?? pending})</span></h2>
      {error && <p role="alert" className="error">{t('library.loadFailed', { message: error })}</p>}
      {!requests && !error && <p className="muted">{t('app.loading')}</p>}
      {requests?.length === 0 && <p className="muted">{t('communities.noRequests')}</p>}
      {requests && requests.length > 0 && (
        <ul className="join-requests">
          {requests.map((r) => {
            const who = r.person.name || requestUsername(r);
            return (
              <li key={r.person.id} className="join-request" data-user={requestUsername(r)}>
                <p><strong>{who}</strong> <span className="muted small"><When iso={r.at} /></span></p>
                {r.message && <p className="join-request-message library-text">{r.message}</p>}
                <div className="row">
                  <button type="button" name="accept" className="primary" disabled={busy} onClick={() => void answer(r, true)}>
                    {t('communities.accept')}<span className="sr-only"> {who}</span></button>
                  <button type="button" name="refuse" disabled={busy} onClick={() => void answer(r, false)}>
                    {t('communities.refuse')}<span className="sr-only"> {who}</span></button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function SessionList({ sessions, member, empty, navigate }: {
  sessions: CommunitySession[]; member: boolean; empty: string; navigate: (p: string) => void;
}) {
  if (sessions.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="community-session-list">
      {sessions.map((s) => (
        <li key={`${s.roomId ?? ''}-${s.start}-${s.title}`} className="community-session" data-room={s.roomId ?? undefined}>
          {member && s.roomId
            ? <LibraryLink href={roomPath(s.roomId)} navigate={navigate} className="community-session-link">{s.title}</LibraryLink>
            : <span>{s.title}</span>}
          <span className="muted small"> <When iso={s.start} /></span>
        </li>
      ))}
    </ul>
  );
}

/** Moderators link a room as one of the community's sessions: the room's link or id, a title, when it starts. */
function SessionForm({ busy, onLink }: { busy: boolean; onLink: (body: { roomId: string; title: string; start: string }) => Promise<boolean> }) {
  const { t } = useI18n();
  const [roomId, setRoomId] = useState('');
  const [title, setTitle] = useState('');
  const [start, setStart] = useState(() => defaultStart(new Date()));
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const [rooms, setRooms] = useState<RoomRecord[]>([]);

  useEffect(() => {
    listRooms().then((all) => setRooms(all.filter((r) => !r.archived)), () => { /* the field takes a link anyway */ });
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = sessionBody({ roomId, title, start });
    if ('problem' in result) {
      setProblem(result.problem);
      return;
    }
    setProblem(null);
    if (await onLink(result.body)) {
      setRoomId('');
      setTitle('');
    }
  };

  // A room picked from the suggestions lends its title when none is written yet.
  const pickRoom = (value: string) => {
    setRoomId(value);
    const room = rooms.find((r) => r.id === value.trim());
    if (room && !title.trim()) setTitle(room.title);
  };

  return (
    <form className="session-form stack" onSubmit={submit} noValidate aria-labelledby="session-form-heading">
      <h3 id="session-form-heading">{t('communities.linkSession')}</h3>
      <div className="library-field">
        <label htmlFor="session-roomId">{t('communities.field.room')}</label>
        <input id="session-roomId" name="roomId" required value={roomId} list="session-rooms" autoComplete="off"
          aria-describedby="session-roomId-hint" onChange={(e) => pickRoom(e.target.value)} />
        <datalist id="session-rooms">
          {rooms.map((r) => <option key={r.id} value={r.id}>{r.title}</option>)}
        </datalist>
        <span id="session-roomId-hint" className="muted small">{t('communities.hint.room')}</span>
      </div>
      <TextField form="session" name="title" label={t('communities.field.sessionTitle')} value={title} max={COMMUNITY_LIMITS.sessionTitle}
        required onChange={setTitle} />
      <div className="library-field">
        <label htmlFor="session-start">{t('communities.field.start')}</label>
        <input id="session-start" type="datetime-local" name="start" required value={start} aria-describedby="session-start-hint"
          onChange={(e) => setStart(e.target.value)} />
        <span id="session-start-hint" className="muted small">{t('communities.hint.start')}</span>
      </div>
      {problem && <p role="alert" className="error">{t(problem)}</p>}
      <div className="row">
        <button type="submit" disabled={busy}>{t('communities.linkSessionButton')}</button>
      </div>
    </form>
  );
}

/** Members link one of their own published practices to the community. */
function PracticeForm({ linked, busy, onLink }: { linked: string[]; busy: boolean; onLink: (practice: Practice) => Promise<boolean> }) {
  const { t } = useI18n();
  const [practices, setPractices] = useState<Practice[] | null>(null);
  const [chosen, setChosen] = useState('');
  const [problem, setProblem] = useState(false);

  useEffect(() => {
    myPractices().then((list) => setPractices(list.filter((p) => p.status === 'PUBLISHED')), () => setPractices([]));
  }, []);

  const available = (practices ?? []).filter((p) => !linked.includes(p.id));
  if (practices && available.length === 0) {
    return <p className="muted small">{t(practices.length === 0 ? 'communities.noPublishedPractices' : 'communities.allPracticesLinked')}</p>;
  }
  return (
    <form className="practice-form stack" noValidate aria-labelledby="practice-form-heading" onSubmit={(e) => {
      e.preventDefault();
      const practice = available.find((p) => p.id === chosen);
      setProblem(!practice);
      if (practice) void onLink(practice).then((ok) => { if (ok) setChosen(''); });
    }}>
      <h3 id="practice-form-heading">{t('communities.linkPractice')}</h3>
      <div className="library-field">
        <label htmlFor="practice-practiceId">{t('communities.field.practice')}</label>
        <select id="practice-practiceId" name="practiceId" value={chosen} disabled={!practices} aria-describedby="practice-practiceId-hint"
          onChange={(e) => setChosen(e.target.value)}>
          <option value="">{practices ? t('library.choose') : t('app.loading')}</option>
          {available.map((p) => <option key={p.id} value={p.id}>{p.title}</option>)}
        </select>
        <span id="practice-practiceId-hint" className="muted small">{t('communities.hint.practice')}</span>
      </div>
      {problem && <p role="alert" className="error">{t('communities.problem.practice')}</p>}
      <div className="row">
        <button type="submit" disabled={busy || !practices}>{t('communities.linkPracticeButton')}</button>
      </div>
    </form>
  );
}
