import { useEffect, useMemo, useRef, useState } from 'react';
import { getRoom, type RoomRecord } from '../app/api';
import { errorMessage, useBusyAction } from '../forms/useBusyAction';
import { useI18n } from '../i18n/i18n';
import { DossierSection } from './DossierSection';
import {
  boardAt, boardSvgUrl, copyRoom, loadFrame, pictureWidth, blocksAt, deletedBlocks, deletedSince, notesHtmlUrl, presentAt, restoreBlock, restoreObject, sessionsOf,
  type Session,
} from './historyApi';
import { roomUrl } from '../community/communityRoute';
import { FrameBuffer, nextMoments } from './frameBuffer';
import { PublishSection } from '../published/PublishSection';
import { CourseLink } from '../learning/CourseLink';

const SPEEDS = [1, 10, 60] as const;
const TICK_MS = 500;
/**
 * Frames asked for ahead of the one due: a frame has this many ticks (4 s) to arrive. A room of 8,000 notes and the B4
 * document at 10x, on two shared cores, dropped 7 frames of 50 with 3 ticks and 1 with 6 (docs/frontend.md).
 */
const AHEAD = 8;
/**
 * Frames ready before playing starts: all the first AHEAD + 1. Starting with 4 ready, the rest of that first burst had
 * only 2 to 4 ticks left to arrive, and one of them was late (docs/frontend.md).
 */
const READY_TO_START = AHEAD + 1;

/** Frames due while playing, shown, and dropped (not ready at their moment); how long each took to be ready; when each tick came. */
export interface ReplayStats { frames: number; shown: number; dropped: number; latencies: number[]; ticks: number[]; bufferedMs?: number }
declare global {
  interface Window {
    /** The history page's playback figures, for the playback benchmark (frontend/perf/playback.mjs). */
    vetnetReplay?: ReplayStats;
  }
}

/**
 * A room's history (`/rooms/{id}/history`, `?at=<instant>` to open at a moment; docs/rooms.md "Restoring"): a time slider over its sessions that shows the
 * board and the document together as they were, with who was there; play at several speeds; for facilitators,
 * bringing back what was deleted since, or starting a new room from that moment.
 */
export function HistoryPage({ roomId, navigate }: { roomId: string; navigate: (path: string) => void }) {
  const { t, language } = useI18n();
  const [room, setRoom] = useState<RoomRecord | null>(null);
  const [sessions, setSessions] = useState<Session[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [at, setAt] = useState<number | null>(null);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<number>(10);
  const [notesHtml, setNotesHtml] = useState('');
  const [deleted, setDeleted] = useState<{ id: string; text: string }[] | null>(null);
  const [deletedText, setDeletedText] = useState<{ index: number; text: string }[]>([]);
  const [status, setStatus] = useState('');
  // Each time the dossiers are read again (one assembled, one sent), the publishing form offers the new ones.
  const [dossiersSeen, setDossiersSeen] = useState(0);
  const { busy, error, run } = useBusyAction();

  useEffect(() => {
    Promise.all([getRoom(roomId), sessionsOf(roomId)]).then(([r, s]) => {
      setRoom(r);
      setSessions(s);
      if (s.length === 0) return;
      // A link may name the moment (?at=<instant>); otherwise the history opens at its end.
      const first = Date.parse(s[0].startedAt);
      const last = Math.max(...s.map((x) => Date.parse(x.endedAt ?? new Date().toISOString())));
      const asked = Date.parse(new URLSearchParams(location.search).get('at') ?? '');
      setAt(Number.isFinite(asked) ? Math.min(last, Math.max(first, asked)) : last);
    }, (e) => setLoadError(errorMessage(e)));
  }, [roomId]);

  const start = sessions && sessions.length > 0 ? Date.parse(sessions[0].startedAt) : 0;
  const end = sessions && sessions.length > 0 ? Math.max(...sessions.map((s) => Date.parse(s.endedAt ?? new Date().toISOString()))) : 0;
  const iso = at === null ? null : new Date(at).toISOString();
  const time = (ms: number) => new Date(ms).toLocaleString(language, { dateStyle: 'medium', timeStyle: 'medium' });

  // While paused, the board is drawn from its address and the document asked for once the slider rests. Playing is
  // buffered (frameBuffer.ts): each moment is a frame (board and document fetched, decoded, shown together), asked for
  // AHEAD ticks before it is due; playing starts once the first READY_TO_START are ready, then moves on at `speed` times real
  // time, and stops at the end. A frame not ready at its moment is dropped (counted for frontend/perf/playback.mjs).
  const [boardSrc, setBoardSrc] = useState<string | null>(null);
  const [buffering, setBuffering] = useState(false);
  const stats = useRef<ReplayStats>({ frames: 0, shown: 0, dropped: 0, latencies: [], ticks: [] });
  const figure = useRef<HTMLElement | null>(null);
  const width = () => pictureWidth(figure.current?.clientWidth ?? 800, window.devicePixelRatio || 1);
  const buffer = useMemo(() => new FrameBuffer((moment, signal) => loadFrame(roomId, new Date(moment).toISOString(), language, width(), signal)),
    [roomId, language]);
  useEffect(() => {
    stats.current.latencies = buffer.latencies;
    window.vetnetReplay = stats.current;
    return () => buffer.clear();
  }, [buffer]);

  useEffect(() => {
    if (!playing || at === null) return;
    const step = TICK_MS * speed;
    let timer: number | undefined;
    let cancelled = false;
    const first = nextMoments(at, step, AHEAD, end);
    first.forEach((m) => buffer.want(m));
    setBuffering(true);
    const asked = performance.now();
    Promise.all(first.slice(0, READY_TO_START).map((m) => buffer.whenReady(m))).then(() => {
      if (cancelled) return;
      stats.current.bufferedMs = performance.now() - asked;
      setBuffering(false);
      timer = window.setInterval(() => setAt((now) => {
        if (now === null) return now;
        stats.current.ticks.push(performance.now());
        const next = Math.min(end, now + step);
        nextMoments(next, step, AHEAD, end).forEach((m) => buffer.want(m));
        if (next >= end) setPlaying(false);
        return next;
      }), TICK_MS);
    });
    return () => {
      cancelled = true;
      window.clearInterval(timer);
      setBuffering(false);
    };
    // The moment is read once, when playing starts (not a dependency): the clock moves it on from there.
  }, [playing, speed, end, buffer]);

  const notesTimer = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (!iso || at === null) return;
    window.clearTimeout(notesTimer.current);
    setDeleted(null);
    setDeletedText([]);
    if (!playing) {
      buffer.clear();
      setBoardSrc(boardSvgUrl(roomId, iso, width()));
      notesTimer.current = window.setTimeout(() => {
        fetch(notesHtmlUrl(roomId, iso, language), { credentials: 'same-origin' }).then((r) => (r.ok ? r.text() : '')).then(setNotesHtml, () => setNotesHtml(''));
      }, 250);
      return;
    }
    const frame = buffer.ready(at);
    if (frame) {
      setBoardSrc(frame.board);
      setNotesHtml(frame.notes);
    }
    if (!buffering) {
      stats.current.frames += 1;
      if (frame) stats.current.shown += 1;
      else stats.current.dropped += 1;
    }
    buffer.keepFrom(at);
  }, [iso, roomId, language, playing, buffering]);

  const present = useMemo(() => (sessions && at !== null ? presentAt(sessions, at) : []), [sessions, at]);
  const facilitating = room?.yourRole === 'facilitator';

  if (loadError) return <main id="main" className="history-page"><p role="alert" className="error">{t('library.loadFailed', { message: loadError })}</p></main>;
  if (!room || !sessions) return <main id="main" className="history-page"><p role="status">{t('replay.loading')}</p></main>;

  const findDeleted = () => iso && run(() => Promise.all([boardAt(roomId, iso), boardAt(roomId, null), blocksAt(roomId, iso), blocksAt(roomId, null)]),
    ([then, now, blocksThen, blocksNow]) => {
      setDeleted(deletedSince(then.objects ?? {}, now.objects ?? {}));
      setDeletedText(deletedBlocks(blocksThen, blocksNow));
    });

  return (
    <main id="main" className="history-page">
      <p><a href={roomUrl(roomId)} onClick={(e) => { e.preventDefault(); navigate(roomUrl(roomId)); }}>
        {t('replay.back', { title: room.title })}</a></p>
      <h1>{t('replay.heading', { title: room.title })}</h1>
      {room.kind === 'COURSE_SESSION' && <p><CourseLink roomId={roomId} navigate={navigate} /></p>}
      {sessions.length === 0 || at === null ? <p className="muted">{t('replay.empty')}</p> : <>
        <section className="replay-controls" aria-label={t('replay.controls')}>
          <label htmlFor="replay-at">{t('replay.moment')}</label>
          <input id="replay-at" type="range" min={start} max={end} step={1000} value={at} aria-valuetext={time(at)}
            onChange={(e) => { setPlaying(false); setAt(Number(e.target.value)); }} />
          <output htmlFor="replay-at" className="replay-time" data-at={iso ?? ''}>{time(at)}</output>
          <div className="row">
            <button type="button" className="replay-play" aria-pressed={playing} onClick={() => {
              if (!playing && at >= end) setAt(start);
              setPlaying(!playing);
            }}>{playing ? t('replay.pause') : t('replay.play')}</button>
            {buffering && <span className="muted replay-buffering">{t('replay.buffering')}</span>}
            <label htmlFor="replay-speed">{t('replay.speed')}</label>
            <select id="replay-speed" value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
              {SPEEDS.map((s) => <option key={s} value={s}>{`${s}×`}</option>)}
            </select>
          </div>
          <h2 id="replay-sessions">{t('replay.sessions')}</h2>
          <ol className="replay-sessions" aria-labelledby="replay-sessions">
            {sessions.map((s, i) => (
              <li key={s.startedAt}>
                <button type="button" className="link" onClick={() => { setPlaying(false); setAt(Date.parse(s.startedAt)); }}>
                  {t('replay.session', { n: i + 1, start: time(Date.parse(s.startedAt)), end: s.endedAt ? time(Date.parse(s.endedAt)) : '…' })}
                </button>
              </li>
            ))}
          </ol>
          <h2 id="replay-present">{t('replay.present')}</h2>
          {present.length === 0 ? <p className="muted">{t('replay.nobody')}</p> : (
            <ul className="replay-present" aria-labelledby="replay-present">{present.map((p) => <li key={p.userId}>{p.name}</li>)}</ul>
          )}
        </section>
        <div className="replay-views">
          <figure className="replay-board" ref={figure}>
            {boardSrc && <img src={boardSrc} alt={t('replay.board', { time: time(at) })} />}
            <figcaption>{t('replay.board', { time: time(at) })}</figcaption>
          </figure>
          <iframe className="replay-notes" title={t('replay.notes', { time: time(at) })} sandbox="" srcDoc={notesHtml} />
        </div>
        {facilitating && (
          <section className="library-panel replay-restore" aria-labelledby="replay-restore">
            <h2 id="replay-restore">{t('replay.restoreHeading')}</h2>
            <div className="row">
              <button type="button" className="replay-deleted" disabled={busy} onClick={findDeleted}>{t('replay.findDeleted')}</button>
              <button type="button" className="replay-copy" disabled={busy} onClick={() => iso && run(() => copyRoom(roomId, iso), (copy) => {
                setStatus(t('replay.copied', { title: copy.title }));
                navigate(roomUrl(copy.id));
              })}>{t('replay.copy')}</button>
            </div>
            {deleted && deleted.length === 0 && deletedText.length === 0 && <p className="muted">{t('replay.noneDeleted')}</p>}
            {deleted && deletedText.length > 0 && (
              <ul className="replay-deleted-blocks">
                {deletedText.map((b) => (
                  <li key={b.index} data-block={b.index}>
                    <button type="button" disabled={busy} onClick={() => iso && run(() => restoreBlock(roomId, iso, b.index), () => {
                      setDeletedText((all) => all.filter((x) => x.index !== b.index));
                      setStatus(t('replay.restoredText', { text: b.text.length > 60 ? `${b.text.slice(0, 59)}…` : b.text }));
                    })}>{t('replay.restoreText', { text: b.text.length > 60 ? `${b.text.slice(0, 59)}…` : b.text })}</button>
                  </li>
                ))}
              </ul>
            )}
            {deleted && deleted.length > 0 && (
              <ul className="replay-deleted-list">
                {deleted.map((d) => (
                  <li key={d.id} data-id={d.id}>
                    <button type="button" disabled={busy} onClick={() => iso && run(() => restoreObject(roomId, iso, d.id), () => {
                      setDeleted((all) => all?.filter((x) => x.id !== d.id) ?? null);
                      setStatus(t('replay.restored', { text: d.text }));
                    })}>{t('replay.restore', { text: d.text.length > 60 ? `${d.text.slice(0, 59)}…` : d.text })}</button>
                  </li>
                ))}
              </ul>
            )}
            {error && <p role="alert" className="error">{t('library.saveFailed', { message: error })}</p>}
          </section>
        )}
      </>}
      {room && <DossierSection roomId={roomId} facilitating={facilitating} announce={setStatus} onChanged={() => setDossiersSeen((n) => n + 1)} />}
      {room && <PublishSection roomId={roomId} at={iso} facilitating={facilitating} announce={setStatus} dossiersSeen={dossiersSeen} />}
      <p role="status" className="sr-only">{status}</p>
    </main>
  );
}
