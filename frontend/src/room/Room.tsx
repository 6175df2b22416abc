import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import { AccessRequests } from '../access/AccessRequests';
import { roleKey } from '../access/accessList';
import { NoAccess } from '../access/NoAccess';
import { ShareDialog } from '../access/ShareDialog';
import { GlyphLabel } from '../app/GlyphLabel';
import { getRoom, HttpError, probeSession, roleIn, roomPeople, serverTime, signIn, type Me, type RoomRecord } from '../app/api';
import { Board } from '../board/Board';
import { caseNoteText } from '../community/caseNote';
import { CourseLink } from '../learning/CourseLink';
import { getCase } from '../community/communityApi';
import { BoardModel, type RoomRoleName } from '../board/model';
import { Outline } from '../board/Outline';
import { BoardStore } from '../board/store';
import { inViewerLanguage } from '../i18n/contentText';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { applyTemplate, TEMPLATES, type TemplateId } from '../lobby/templates';
import { NotesEditor } from '../notes/NotesEditor';
import { PeoplePanel } from '../people/PeoplePanel';
import { PrivateBoard, usePrivateCount } from '../privatenotes/PrivateBoard';
import { PrivatePeek } from '../privatenotes/PrivatePeek';
import type { PrivateBoardRef } from '../privatenotes/RevealControl';
import type { LocalChanges } from '../sync/changes';
import { connectHelpAfterMs, status } from '../sync/connection';
import { userCaretColor, usePeers } from '../sync/peers';
import { syncServerClock } from '../sync/serverClock';
import { ROOM_DOCUMENTS, RoomSession } from '../sync/session';
import { useChangedItems } from '../sync/useChangedItems';
import { useStuck } from '../sync/useStuck';
import { phaseAllows, WorkshopModel, type Activity } from '../workshop/model';
import { FollowControls } from '../workshop/FollowControls';
import { SessionBar } from '../workshop/SessionBar';
import { BreakoutNotice } from '../workshop/BreakoutNotice';
import { useLeadership, usePhase, useWorkshopValue } from '../workshop/useWorkshop';
import { WorkshopPanel } from '../workshop/WorkshopPanel';
import { historyUrl } from '../history/historyApi';


/**
 * The role the workshop document is written with: what the socket granted decides. A dialogue session's observer
 * holds a seat with a voice there (a read-write workshop document), and asks, answers and votes as a participant.
 */
function workshopRole(base: RoomRoleName, scope: string | undefined): RoomRoleName {
  if (scope === 'readonly') return 'observer';
  return base === 'observer' && scope === 'read-write' ? 'participant' : base;
}

interface Toast {
  id: number;
  text: string;
}

declare global {
  interface Window {
    /** Handles for the end-to-end and performance harnesses (frontend/e2e, frontend/perf). */
    vetnet?: { session: RoomSession; board?: BoardModel; store?: BoardStore; workshop?: WorkshopModel; changes?: LocalChanges; yjs?: typeof Y };
  }
}

interface RoomProps {
  me: Me;
  roomId: string;
  navigate: (p: string) => void;
  /** The room's socket found the sign-in ended (the gateway answered 401): the app refreshes its header. */
  onSessionEnded?: () => void;
}

export function Room({ me, roomId, navigate, onSessionEnded }: RoomProps) {
  const { t } = useI18n();
  const [room, setRoom] = useState<RoomRecord | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [toasts, setToasts] = useState<Toast[]>([]);
  const [mainTab, setMainTab] = useState<'board' | 'notes' | 'private' | 'peek'>('board');
  // Someone's private board a facilitator reads, where the room allows it (privatenotes/PrivatePeek).
  const [peek, setPeek] = useState<PrivateBoardRef | null>(null);
  const [sideTab, setSideTab] = useState<'outline' | 'workshop' | 'people'>('outline');
  // The side panel can be collapsed (the board then takes the whole width); collapsed at first on narrow screens.
  const [sideOpen, setSideOpen] = useState(() => {
    const kept = localStorage.getItem('vetnet.sidePanel');
    return kept ? kept === 'open' : window.innerWidth >= 1100;
  });
  const toggleSide = () => setSideOpen((open) => {
    localStorage.setItem('vetnet.sidePanel', open ? 'closed' : 'open');
    return !open;
  });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [sharing, setSharing] = useState(false);

  const toast = useCallback((text: string) => {
    const id = Date.now() + Math.random();
    setToasts((ts) => [...ts.slice(-3), { id, text }]);
    setTimeout(() => setToasts((ts) => ts.filter((x) => x.id !== id)), 12_000);
  }, []);

  const [noAccess, setNoAccess] = useState(false);
  useEffect(() => {
    getRoom(roomId).then(setRoom, (e) => {
      if (e instanceof HttpError && e.status === 403) setNoAccess(true);
      else setLoadError(e instanceof Error ? e.message : String(e));
    });
  }, [roomId]);

  const [session, setSession] = useState<RoomSession | null>(null);
  useEffect(() => {
    const s = new RoomSession({
      roomId,
      userId: me.id,
      probeSession,
      onRejected: (doc, reason) => toast(t('reject.message', { reason: `${doc}: ${reason}` })),
    });
    for (const d of ROOM_DOCUMENTS) s.open(d);
    setSession(s);
    return () => s.destroy();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [roomId, me.id]);

  // My private notes, in a document of my own the server names (docs/dialogue.md, "Private ideation").
  const privateName = room?.yourPrivateDocument ?? undefined;
  // Re-render on connection state and on documents rejoined after a rejection.
  const version = useSyncExternalStore(
    useCallback((l: () => void) => (session ? session.subscribe(l) : () => {}), [session]),
    () => (session ? `${session.state.socket}|${session.state.pending}|${status(session.state)}|${[...ROOM_DOCUMENTS, ...(privateName ? [privateName] : [])].map((d) => `${session.get(d)?.generation}:${session.get(d)?.scope}:${session.get(d)?.provider.synced}`).join(',')}` : ''),
  );

  useEffect(() => {
    if (session && privateName) session.open(privateName);
  }, [session, privateName]);
  const privateHandle = privateName ? session?.get(privateName) : undefined;
  const boardHandle = session?.get('board');
  const notesHandle = session?.get('notes');
  const workshopHandle = session?.get('workshop');
  const baseRole: RoomRoleName = (room && roleIn(room)) ?? 'participant';
  const readOnly = (h?: { scope?: string }) => h?.scope === 'readonly';
  const boardRole: RoomRoleName = readOnly(boardHandle) ? 'observer' : baseRole;
  const actor = useMemo(() => ({ userId: me.id, role: boardRole }), [me.id, boardRole]);

  const board = useMemo(() => (boardHandle ? new BoardModel(boardHandle.doc, actor) : undefined), [boardHandle?.doc, actor]);
  const store = useMemo(() => (boardHandle ? new BoardStore(boardHandle.doc) : undefined), [boardHandle?.doc]);
  useEffect(() => () => board?.destroy(), [board]);
  useEffect(() => () => store?.destroy(), [store]);
  useEffect(() => store?.setTranslate(t), [store, t]);
  const workshop = useMemo(() => (workshopHandle ? new WorkshopModel(workshopHandle.doc, { userId: me.id, role: workshopRole(baseRole, workshopHandle.scope) }) : undefined),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [workshopHandle?.doc, me.id, baseRole, workshopHandle?.scope]);

  const { count: changedItems, changes: localChanges } = useChangedItems(session, version);
  const phase = usePhase(workshop);
  const privateSeen = useWorkshopValue(workshop, (s) => s.facilitatorsSeePrivateNotes);
  // What the phase under way allows (docs/rooms.md, "Phases"), as a string so that an equal rule renders nothing again.
  const allowedNow = useWorkshopValue(workshop, (s) => s.allowed?.join(' '));
  const allows = useCallback((a: Activity) => phaseAllows({ allowed: allowedNow?.split(' ').filter(Boolean) }, boardRole, a),
    [allowedNow, boardRole]);
  const privateNotes = usePrivateCount(privateHandle);
  // What is selected on the board, named as it reads, for a facilitator's dot vote (workshop/PollsSection).
  const voteTargets = useMemo(() => [...selected].map((id) => store?.get(id))
    .filter((o): o is NonNullable<typeof o> => !!o && o.type !== 'connector' && o.type !== 'pen')
    .map((o) => ({ id: o.id, label: (inViewerLanguage(o.text, o.tpl, t).trim() || t(`type.${o.type}` as MessageKey)).slice(0, 80) })),
  [selected, store, t]);
  // The frames among them: one breakout group each (workshop/BreakoutsSection).
  const selectedFrames = useMemo(() => [...selected].map((id) => store?.get(id))
    .filter((o): o is NonNullable<typeof o> => !!o && o.type === 'frame')
    .map((o) => ({ id: o.id, label: inViewerLanguage(o.text, o.tpl, t).trim() || t('type.frame') })), [selected, store, t]);
  useEffect(() => {
    if (session) window.vetnet = { session, board, store, workshop, changes: localChanges ?? undefined, yjs: Y };
  }, [session, board, store, workshop, localChanges]);

  const awareness = boardHandle?.provider.awareness ?? undefined;
  useEffect(() => {
    awareness?.setLocalState({ cursor: null, selection: [], activeAt: Date.now() });
  }, [awareness]);
  const self = useMemo(() => ({ id: me.id, name: me.displayName || me.username, role: boardRole }), [me, boardRole]);
  const peers = usePeers(awareness, self);

  // Follow me and summon (workshop/FollowControls.tsx): the leader publishes their view in the board's awareness; the
  // others' boards go where it is while they follow, and once to each new summon.
  const { leader, summon } = useLeadership(workshop);
  const leading = !!leader && leader === me.id;
  const myView = useRef<{ cx: number; cy: number; s: number } | undefined>(undefined);
  const onViewChange = useCallback((v: { cx: number; cy: number; s: number }) => {
    myView.current = v;
    if (leading) awareness?.setLocalStateField('view', v);
  }, [leading, awareness]);
  useEffect(() => {
    if (!awareness) return;
    if (leading && myView.current) awareness.setLocalStateField('view', myView.current);
    else if (!leading && awareness.getLocalState()?.view) awareness.setLocalStateField('view', null);
  }, [leading, awareness]);
  const [following, setFollowing] = useState(true);
  useEffect(() => setFollowing(true), [leader]);
  const leaderView = leader && !leading ? peers.find((p) => p.userId === leader && p.view)?.view : undefined;
  const [goTo, setGoTo] = useState<{ cx: number; cy: number; s: number; key: string } | undefined>(undefined);
  useEffect(() => {
    if (following && leaderView) setGoTo({ ...leaderView, key: `f${leaderView.cx}:${leaderView.cy}:${leaderView.s}` });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [following, leaderView?.cx, leaderView?.cy, leaderView?.s]);
  // A summon found on joining is history: only the ones made while here move the view.
  const seenSummon = useRef<number | null | undefined>(undefined);
  useEffect(() => {
    if (!workshopHandle?.provider.synced) return;
    if (seenSummon.current === undefined) {
      seenSummon.current = summon?.at ?? null;
      return;
    }
    if (summon && summon.at !== seenSummon.current) {
      seenSummon.current = summon.at;
      setGoTo({ cx: summon.cx, cy: summon.cy, s: summon.s, key: `s${summon.at}` });
    }
  }, [summon, workshopHandle?.provider.synced]);
  // Names of everyone seen in this room so far: they stay known while offline or after someone left.
  // `names` keeps its identity until a new name is learned: the outline's 2,000 rows depend on it.
  const known = useMemo(() => new Map<string, string>(), [roomId]);
  let learned = false;
  for (const p of peers) {
    if (p.name && p.name !== '?' && known.get(p.userId) !== p.name) {
      known.set(p.userId, p.name);
      learned = true;
    }
  }
  const [namesVersion, setNamesVersion] = useState(0);
  useEffect(() => {
    if (learned) setNamesVersion((v) => v + 1);
  });
  // Authors who are not here (offline, gone): the server's names directory of the room, read once per room and on
  // each reconnect. Names seen live (above) are newer and are not replaced.
  const socketOpen = session?.state.socket === 'open';
  useEffect(() => {
    let stopped = false;
    roomPeople(roomId).then((list) => {
      if (stopped) return;
      let added = false;
      for (const p of list) {
        if (p.name && !known.has(p.id)) {
          known.set(p.id, p.name);
          added = true;
        }
      }
      if (added) setNamesVersion((v) => v + 1);
    }, () => { /* names stay short ids until the next try: the room works without them */ });
    return () => { stopped = true; };
  }, [roomId, known, socketOpen]);
  const names = useCallback((id: string) => {
    if (id === me.id) return me.displayName || me.username;
    return known.get(id) ?? id.slice(0, 8);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [namesVersion, me, known]);

  // The workshop timer runs on the server's clock: its offset is measured when the room's socket opens, and again
  // on every reopening (a laptop waking from sleep may have a clock that drifted).
  useEffect(() => {
    if (socketOpen) void syncServerClock(serverTime);
  }, [socketOpen]);

  // A facilitator changed this person's role or removed them: the server closed the socket (1008 or 4403) and
  // it opens again with the new role, or not at all. The room record is read again on each reopening, scope change
  // or refusal, so that the whole page (badge, notes, workshop) follows at once; without access it becomes the
  // request-access page.
  const scopes = ROOM_DOCUMENTS.map((d) => session?.get(d)?.scope ?? '').join(',');
  const refused = session?.state.stopped === 'refused';
  const firstOpening = useRef(true);
  useEffect(() => {
    if (!socketOpen && !refused) return;
    if (firstOpening.current) {
      firstOpening.current = false;
      return;
    }
    getRoom(roomId).then(setRoom, (e) => { if (e instanceof HttpError && e.status === 403) setNoAccess(true); });
  }, [socketOpen, scopes, refused, roomId]);

  // A new room from a template: the creator writes the starting board once both documents are synced. A peer
  // counselling room opened from a case (`case={id}`, community/CaseDetail) puts the case's own text into the case
  // frame: the case is read first, and if that fails the template is applied as it is.
  const params = new URLSearchParams(location.search);
  const template = params.get('template') as TemplateId | null;
  const caseId = template === 'peerCounselling' ? params.get('case') : null;
  const seeding = useRef(false);
  useEffect(() => {
    if (!template || !board || !workshop || !boardHandle?.provider.synced || !workshopHandle?.provider.synced) return;
    if (!(TEMPLATES as readonly string[]).includes(template) || baseRole !== 'facilitator') return;
    history.replaceState(null, '', `/rooms/${roomId}`);
    if (seeding.current || board.objects.size > 0) return;
    seeding.current = true;
    const apply = (caseText?: string) => {
      if (board.objects.size === 0) applyTemplate(template, board, workshop, t, caseText);
    };
    if (!caseId) apply();
    else {
      getCase(caseId).then((c) => caseNoteText(c.title ?? '', c.challenge ?? ''), () => undefined)
        .then((text) => apply(text || undefined));
    }
  }, [template, caseId, board, workshop, version, baseRole, roomId, t, boardHandle, workshopHandle]);

  // Once per ending: the app asks /api/me again so its header does not still show the user signed in.
  const sessionEnded = session?.state.stopped === 'signedOut';
  useEffect(() => {
    if (sessionEnded) onSessionEnded?.();
  }, [sessionEnded, onSessionEnded]);

  // "Connecting…" that does not end gets an explanation and something to try, after connectHelpAfterMs.
  // Waiting: no socket yet, or one that is open but never answered the handshake.
  const st = session ? status(session.state) : 'connecting';
  const stuck = useStuck(st === 'connecting' || st === 'reconnecting' || (st === 'connected' && !session?.state.handshakeDone));

  if (noAccess) {
    // Let in: start over, so the room's sockets open with the new role.
    return <NoAccess roomId={roomId} navigate={navigate} onGranted={() => location.reload()} />;
  }

  if (loadError) {
    return (
      <main id="main" className="room-error">
        <p role="alert" className="error">{t('conn.refused', { reason: loadError })}</p>
        <button type="button" onClick={() => navigate('/')}>{t('room.back')}</button>
      </main>
    );
  }

  const pending = session?.state.pending ?? 0;
  // What the banners count: changed items (objects, questions, the document), not updates.
  const shown = pending > 0 ? Math.max(changedItems, 1) : 0;
  const statusText = st === 'offline' && pending > 0 ? t('conn.offlineUnsynced', { count: shown })
    : st === 'refused' ? t('conn.refused', { reason: session?.state.reason ?? '' })
    : (st === 'connected' || st === 'reconnecting') && pending > 0 ? `${t(`conn.${st}` as MessageKey)} · ${t('conn.unsynced', { count: shown })}`
    : t(`conn.${st}` as MessageKey);

  return (
    <div className="room">
      <header className="room-header">
        <a href="/" className="back" onClick={(e) => { e.preventDefault(); navigate('/'); }}>← {t('room.back')}</a>
        <h1>{room?.title ?? '…'}</h1>
        {room?.kind === 'COURSE_SESSION' && <CourseLink roomId={roomId} navigate={navigate} />}
        <span className="role-badge">{t(roleKey(boardRole, room))}</span>
        <span className={`conn conn-${st}`} role="status" aria-live="polite" data-status={st} data-pending={pending} data-changed={shown}>{statusText}</span>
        <button type="button" className="link" onClick={() => { void navigator.clipboard?.writeText(location.origin + `/rooms/${roomId}`); toast(t('room.linkCopied')); }}>{t('room.copyLink')}</button>
        <a className="history-link" href={historyUrl(roomId)}
          onClick={(e) => { e.preventDefault(); navigate(historyUrl(roomId)); }}>{t('room.history')}</a>
        {room && baseRole === 'facilitator' && !room.archived && (
          <button type="button" className="primary" aria-haspopup="dialog" onClick={() => setSharing(true)}>{t('room.share')}</button>
        )}
      </header>
      {sharing && room && <ShareDialog room={room} onChanged={setRoom} onClose={() => setSharing(false)} />}
      {sessionEnded && (
        // Right under the header, so it comes early in the tab order. Focus is not moved here: the user may be
        // typing, and what they type is kept on this device (IndexedDB) and merged once they are back.
        <div className="session-ended" role="alert">
          <p>{t('session.ended')}</p>
          <button type="button" className="primary" onClick={() => signIn(`/rooms/${encodeURIComponent(roomId)}`)}>
            {t('session.signInAgain')}
          </button>
        </div>
      )}
      {stuck && (
        <div className="conn-help" role="alert">
          <p>{t('conn.stuck', { seconds: Math.round(connectHelpAfterMs() / 1000) })}</p>
          <button type="button" onClick={() => location.reload()}>{t('conn.reload')}</button>
        </div>
      )}
      {workshop && (
        <SessionBar model={workshop} onOpenWorkshop={() => {
          setSideTab('workshop');
          setSideOpen(true);
        }}>
          <FollowControls model={workshop} leader={leader} leaderName={leader ? names(leader) : ''} following={following}
            onFollowing={setFollowing} myView={() => myView.current} />
          <BreakoutNotice model={workshop} navigate={navigate} />
        </SessionBar>
      )}
      {boardRole === 'observer' && <p className="notice">{t('readonly.notice')}</p>}
      <div className="toasts" role="alert" aria-live="assertive">
        {toasts.map((x) => (
          <div key={x.id} className="toast">
            <span>{x.text}</span>
            <button type="button" className="link" onClick={() => setToasts((ts) => ts.filter((y) => y.id !== x.id))}>{t('reject.dismiss')}</button>
          </div>
        ))}
      </div>
      <div className="room-body">
        <main id="main" className="room-main">
          <div className="tabs" role="tablist">
            <button role="tab" type="button" aria-selected={mainTab === 'board'} onClick={() => setMainTab('board')}>{t('room.board')}</button>
            <button role="tab" type="button" aria-selected={mainTab === 'notes'} onClick={() => setMainTab('notes')}>{t('room.notes')}</button>
            {privateHandle && ((phase === 'silent' && privateHandle.scope === 'read-write') || privateNotes > 0 || mainTab === 'private') && (
              <button role="tab" type="button" aria-selected={mainTab === 'private'} onClick={() => setMainTab('private')}>
                {t('private.tab', { count: privateNotes })}</button>
            )}
            {peek && (
              <button role="tab" type="button" aria-selected={mainTab === 'peek'} onClick={() => setMainTab('peek')}>{t('private.boardOf', { name: peek.name })}</button>
            )}
          </div>
          <div className="tab-panel" hidden={mainTab !== 'board'}>
            {board && store && (
              <Board key={`b${boardHandle?.generation}`} roomId={roomId} model={board} store={store} awareness={awareness} peers={peers}
                selected={selected} onSelect={setSelected} names={names} onError={toast} goTo={goTo} onViewChange={onViewChange} allows={allows} />
            )}
          </div>
          {mainTab === 'private' && privateHandle && (
            <div className="tab-panel">
              <PrivateBoard roomId={roomId} handle={privateHandle} userId={me.id} names={names} onError={toast} open={allows('private')}
                seenByFacilitators={privateSeen ?? false} />
            </div>
          )}
          {mainTab === 'peek' && peek && session && (
            <div className="tab-panel">
              <PrivatePeek roomId={roomId} session={session} board={peek} names={names} onError={toast}
                onClose={() => { setPeek(null); setMainTab('board'); }} />
            </div>
          )}
          <div className="tab-panel" hidden={mainTab !== 'notes'}>
            {notesHandle && (
              <NotesEditor key={`n${notesHandle.generation}`} doc={notesHandle.doc} provider={notesHandle.provider}
                user={{ name: self.name, color: userCaretColor(me.id) }} editable={!readOnly(notesHandle) && baseRole !== 'observer' && allows('write')} />
            )}
          </div>
        </main>
        <aside className={`side${sideOpen ? '' : ' collapsed'}`} aria-label={t('room.sidePanel')}>
          <button type="button" className="side-toggle" aria-expanded={sideOpen} aria-controls="side-content" onClick={toggleSide}
            title={sideOpen ? t('room.hidePanel') : t('room.showPanel')}>
            <GlyphLabel glyph={sideOpen ? '»' : '«'} label={sideOpen ? t('room.hidePanel') : t('room.showPanel')} />
          </button>
          <div id="side-content" className="side-content" hidden={!sideOpen}>
          <div className="tabs" role="tablist">
            {(['outline', 'workshop', 'people'] as const).map((k) => (
              <button key={k} role="tab" type="button" aria-selected={sideTab === k} onClick={() => setSideTab(k)}>
                {t(`room.${k}` as MessageKey)}{k === 'people' ? ` (${new Set(peers.map((p) => p.userId)).size})` : ''}
              </button>
            ))}
          </div>
          {/* Focusable: the panel scrolls, and keyboard users must reach what is below, even when nothing in it takes focus. */}
          <div className="side-panel" role="region" tabIndex={0} aria-label={t(`room.${sideTab}` as MessageKey)}>
            {sideTab === 'outline' && board && store && (
              <Outline model={board} store={store} loaded={!!boardHandle?.provider.synced} selected={selected} onSelect={setSelected} names={names} onError={toast} />
            )}
            {sideTab === 'workshop' && workshop && <WorkshopPanel roomId={roomId} rules={room?.rules} model={workshop} names={names} onError={toast} selection={voteTargets}
              frames={selectedFrames} navigate={navigate} onViewPrivate={(b) => { setPeek(b); setMainTab(b ? 'peek' : 'board'); }} />}
            {sideTab === 'people' && baseRole === 'facilitator' && <AccessRequests roomId={roomId} onError={toast} />}
            {sideTab === 'people' && <PeoplePanel peers={peers} />}
          </div>
          </div>
        </aside>
      </div>
    </div>
  );
}
