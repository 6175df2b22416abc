import { callApi } from '../app/api';
import { roomUrl } from '../community/communityRoute';

/**
 * A room's history on the room server (docs/history-and-presence.md, "Replay REST"; docs/rooms.md, "Renders" and
 * "Restoring"): its sessions, its board and document as of an instant, and getting the past back.
 */

export interface Participant { userId: string; username: string; name: string; role: string; joinedAt: string | null; leftAt: string | null }
export interface Session { startedAt: string; endedAt: string | null; participants: Participant[]; partial: boolean }

const room = (id: string) => `/api/rooms/${encodeURIComponent(id)}`;

/** The app's history page of a room (history/HistoryPage.tsx). */
export const historyUrl = (roomId: string) => `${roomUrl(roomId)}/history`;

/** The room's sessions, oldest first, following pages up to `maxPages` (a workshop day is one or a few). */
export async function sessionsOf(roomId: string, maxPages = 10): Promise<Session[]> {
  const out: Session[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < maxPages; i++) {
    const page: { sessions: Session[]; next: string | null } = await callApi('GET',
      `${room(roomId)}/sessions?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    // A session cut across pages comes in parts under one start: they are one session.
    for (const s of page.sessions) {
      const last = out[out.length - 1];
      if (last && last.startedAt === s.startedAt) {
        last.endedAt = s.endedAt;
        last.participants = [...last.participants, ...s.participants];
      } else out.push({ ...s });
    }
    if (!page.next) break;
    cursor = page.next;
  }
  return out;
}

/** One frame of a playback: the board as SVG (fetched, decoded, as an object URL) and the document's HTML, as of `at`. */
export async function loadFrame(roomId: string, at: string, lang: string, width: number, signal: AbortSignal): Promise<{ board: string; notes: string }> {
  const get = async (url: string) => {
    const r = await fetch(url, { credentials: 'same-origin', signal });
    if (!r.ok) throw new Error(String(r.status));
    return r;
  };
  const [board, notes] = await Promise.all([
    get(boardSvgUrl(roomId, at, width)).then((r) => r.blob()).then(async (blob) => {
      const url = URL.createObjectURL(blob);
      const picture = new Image();
      picture.src = url;
      await picture.decode().catch(() => undefined);
      return url;
    }),
    get(notesHtmlUrl(roomId, at, lang)).then((r) => r.text()),
  ]);
  return { board, notes };
}

/** `width`: the picture's width on screen, in pixels; the server leaves out text too small to read there (a sketch). */
export const boardSvgUrl = (roomId: string, at: string, width?: number) =>
  `${room(roomId)}/export/board.svg?at=${encodeURIComponent(at)}${width ? `&width=${width}` : ''}`;

/** A picture's width for the server: the element's in device pixels, in steps of 100 (so moments share it), 100 to 8,000. */
export const pictureWidth = (cssPixels: number, ratio: number) => Math.min(8000, Math.max(100, Math.ceil((cssPixels * ratio) / 100) * 100));
export const notesHtmlUrl = (roomId: string, at: string, lang: string) =>
  `${room(roomId)}/export/notes.html?at=${encodeURIComponent(at)}&lang=${encodeURIComponent(lang)}`;

/** The board's objects as of an instant (now when `at` is null), as the replay API gives them: id → object. */
export const boardAt = (roomId: string, at: string | null) =>
  callApi<{ objects?: Record<string, { type?: string; text?: string }> }>('GET', `${room(roomId)}/documents/board${at ? `?at=${encodeURIComponent(at)}` : ''}`);

export const copyRoom = (roomId: string, at: string) => callApi<{ id: string; title: string }>('POST', `${room(roomId)}/copies`, { at });
export const restoreObject = (roomId: string, at: string, objectId: string) =>
  callApi<{ what: string }>('POST', `${room(roomId)}/restorations`, { at, objectId });

/** Who was in the room at instant t: a stretch that began by then and had not ended before it. */
export function presentAt(sessions: Session[], t: number): Participant[] {
  const seen = new Map<string, Participant>();
  for (const s of sessions) {
    for (const p of s.participants) {
      const from = p.joinedAt ? Date.parse(p.joinedAt) : Date.parse(s.startedAt);
      const end = p.leftAt ?? s.endedAt;
      const to = end ? Date.parse(end) : Infinity;
      if (from <= t && t <= to) seen.set(p.userId, p);
    }
  }
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Objects with a text that were on the board then and are not now: what can be brought back. */
export function deletedSince(then: Record<string, { type?: string; text?: string }>, now: Record<string, unknown>): { id: string; text: string }[] {
  return Object.entries(then)
    .filter(([id, o]) => !(id in now) && typeof o.text === 'string' && o.text.trim() !== '')
    .map(([id, o]) => ({ id, text: o.text as string }));
}

/** A session dossier's version (docs/rooms.md, "Session dossier"). */
export interface Decision { text: string; owner: string | null; due: string | null }
export interface Dossier {
  room: string; version: number; roomTitle: string; createdAt: string; createdBy: string; status: 'DRAFT' | 'SENT'; sentAt: string | null;
  decisions: Decision[]; files: { name: string; type: string; bytes: number }[];
  counts: { boardObjects: number; notes: number; questions: number; statements: number; polls: number; people: number; listed: number };
}
export const dossiersOf = (roomId: string) => callApi<Dossier[]>('GET', `${room(roomId)}/dossiers`);
/** Whether my attendance of the room may be listed in its exports and dossiers (docs/rooms.md, "Attendance"). */
export const attendanceConsent = (roomId: string) => callApi<{ consented: boolean }>('GET', `${room(roomId)}/attendance/consent`);
export const setAttendanceConsent = (roomId: string, consented: boolean) =>
  callApi<{ consented: boolean }>('PUT', `${room(roomId)}/attendance/consent`, { consented });
export const assembleDossier = (roomId: string) => callApi<Dossier>('POST', `${room(roomId)}/dossiers`);
export const saveDecisions = (roomId: string, version: number, decisions: Decision[]) =>
  callApi<Dossier>('PUT', `${room(roomId)}/dossiers/${version}/decisions`, { decisions });
export const sendDossier = (roomId: string, version: number) => callApi<Dossier>('POST', `${room(roomId)}/dossiers/${version}/sending`);
export const dossierFileUrl = (roomId: string, version: number, name: string) => `${room(roomId)}/dossiers/${version}/files/${encodeURIComponent(name)}`;

/** The text of each top-level block of the document (paragraph, heading, list, table), now or as of an instant. */
export const blocksAt = (roomId: string, at: string | null) =>
  callApi<string[]>('GET', `${room(roomId)}/notes/blocks${at ? `?at=${encodeURIComponent(at)}` : ''}`);
export const restoreBlock = (roomId: string, at: string, block: number) =>
  callApi<{ what: string }>('POST', `${room(roomId)}/restorations`, { at, block });

/** Blocks with a text then that no block has now: what can be put back, by their place then. */
export function deletedBlocks(then: string[], now: string[]): { index: number; text: string }[] {
  const present = new Set(now);
  return then.map((text, index) => ({ index, text })).filter((b) => b.text !== '' && !present.has(b.text));
}
