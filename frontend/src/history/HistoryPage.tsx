import { useEffect, useMemo, useRef, useState } from 'react';
import { getRoom, type RoomRecord } from '../app/api';
import { errorMessage, useBusyAction } from '../forms/useBusyAction';
import { useI18n } from '../i18n/i18n';
import { DossierSection } from './DossierSection';
import {
  boardAt, boardSvgUrl, copyRoom, blocksAt, deletedBlocks, deletedSince, notesHtmlUrl, presentAt, restoreBlock, restoreObject, sessionsOf,
  type Session,
} from './historyApi';
import { roomUrl } from '../community/communityRoute';
import { PublishSection } from '../published/PublishSection';
import { CourseLink } from '../learning/CourseLink';

const SPEEDS = [1, 10, 60] as const;
const TICK_MS = 500;

/** Frames asked for while playing, shown, and dropped (still on their way when the next moment came); each shown one's time. */
export interface ReplayStats { frames: number; shown: number; dropped: number; latencies: number[] }
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

  // Playing moves the moment on at `speed` times real time, and stops at the end.
  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => setAt((now) => {
      if (now === null) return now;
      const next = now + TICK_MS * speed;
      if (next >= end) {
        setPlaying(false);
        return end;
      }
      return next;
    }), TICK_MS);
    return () => clearInterval(timer);
  }, [playing, speed, end]);

  // While paused, the board is drawn from its address and the document asked for once the slider rests. While playing,
  // each moment is a frame: board and document fetched together, decoded, then shown at once; a frame still on its way
  // when the next moment comes is dropped (counted: the playback benchmark, frontend/perf/playback.mjs, reads them).
  const [boardSrc, setBoardSrc] = useState<string | null>(null);
  const frame = useRef<AbortController | null>(null);
  const stats = useRef<ReplayStats>({ frames: 0, shown: 0, dropped: 0, latencies: [] });
  const notesTimer = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (!iso) return;
    window.clearTimeout(notesTimer.current);
    setDeleted(null);
    setDeletedText([]);
    if (!playing) {
      frame.current?.abort();
      frame.current = null;
      setBoardSrc(boardSvgUrl(roomId, iso));
      notesTimer.current = window.setTimeout(() => {
        fetch(notesHtmlUrl(roomId, iso, language), { credentials: 'same-origin' }).then((r) => (r.ok ? r.text() : '')).then(setNotesHtml, () => setNotesHtml(''));
      }, 250);
      return;
    }
    if (frame.current) stats.current.dropped += 1;
    frame.current?.abort();
    const abort = new AbortController();
    frame.current = abort;
    stats.current.frames += 1;
    const started = performance.now();
    const get = (url: string) => fetch(url, { credentials: 'same-origin', signal: abort.signal }).then((r) => {
      if (!r.ok) throw new Error(String(r.status));
      return r;
    });
    Promise.all([
      get(boardSvgUrl(roomId, iso)).then((r) => r.blob()).then(async (blob) => {
        const url = URL.createObjectURL(blob);
        const picture = new Image();
        picture.src = url;
        await picture.decode().catch(() => undefined);
        return url;
      }),
      get(notesHtmlUrl(roomId, iso, language)).then((r) => r.text()),
    ]).then(([url, html]) => {
      if (abort.signal.aborted) {
        URL.revokeObjectURL(url);
        return;
      }
      frame.current = null;
      stats.current.shown += 1;
      stats.current.latencies.push(performance.now() - started);
      setBoardSrc((old) => {
        if (old?.startsWith('blob:')) URL.revokeObjectURL(old);
        return url;
      });
      setNotesHtml(html);
    }, () => undefined);
  }, [iso, roomId, language, playing]);
  useEffect(() => {
    window.vetnetReplay = stats.current;
    return () => frame.current?.abort();
  }, []);

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
          <figure className="replay-board">
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
      {room && <PublishSection key={dossiersSeen} roomId={roomId} at={iso} facilitating={facilitating} announce={setStatus} />}
      <p role="status" className="sr-only">{status}</p>
    </main>
  );
}
