import type { RoomRecord } from '../app/api';

export const ROOM_SORTS = ['newest', 'oldest', 'title'] as const;
export type RoomSort = (typeof ROOM_SORTS)[number];

/** Lower case without accents: "perché" finds "Perche", "Über" finds "uber". */
export function folded(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const created = (r: RoomRecord) => (r.createdAt ? Date.parse(r.createdAt) : Number.NaN);

/**
 * The rooms a lobby list shows: not archived, whose title holds every word of {@code query} (any order, accents and
 * case ignored), in the chosen order. Rooms without a creation date come last in both date orders.
 */
export function arrangeRooms(rooms: RoomRecord[], query: string, sort: RoomSort): RoomRecord[] {
  const words = folded(query).split(/\s+/).filter(Boolean);
  const shown = rooms.filter((r) => !r.archived && words.every((w) => folded(r.title).includes(w)));
  const byTitle = (a: RoomRecord, b: RoomRecord) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id);
  const byDate = (direction: 1 | -1) => (a: RoomRecord, b: RoomRecord) => {
    const x = created(a);
    const y = created(b);
    if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) === Number.isNaN(y) ? byTitle(a, b) : Number.isNaN(x) ? 1 : -1;
    return (x - y) * direction || byTitle(a, b);
  };
  return [...shown].sort(sort === 'title' ? byTitle : byDate(sort === 'newest' ? -1 : 1));
}

/** How long to wait before the n-th automatic retry of a failed load (0-based): 2, 4, 8, 16, then every 30 s. */
export function retryDelayMs(attempt: number): number {
  return Math.min(30_000, 2_000 * 2 ** attempt);
}
