import { describe, expect, it } from 'vitest';
import type { RoomRecord } from '../app/api';
import { arrangeRooms, retryDelayMs } from './roomList';

const room = (id: string, title: string, createdAt?: string, archived = false): RoomRecord => ({
  id, title, kind: 'WORKSHOP', documents: [], archived, createdAt,
  access: { owner: 'fabio', facilitators: [], participants: [], observers: [] } as RoomRecord['access'],
});

const rooms = [
  room('a', 'Skills for the green transition', '2026-11-01T10:00:00Z'),
  room('b', 'Perché gli apprendisti lasciano?', '2026-12-01T10:00:00Z'),
  room('c', 'Über die Meisterprüfung', '2026-10-01T10:00:00Z'),
  room('d', 'Undated room'),
  room('e', 'Archived green room', '2026-12-05T10:00:00Z', true),
];

describe('arrangeRooms', () => {
  it('lists newest first by default order, undated last, archived never', () => {
    expect(arrangeRooms(rooms, '', 'newest').map((r) => r.id)).toEqual(['b', 'a', 'c', 'd']);
    expect(arrangeRooms(rooms, '', 'oldest').map((r) => r.id)).toEqual(['c', 'a', 'b', 'd']);
    expect(arrangeRooms(rooms, '', 'title').map((r) => r.id)).toEqual(['b', 'a', 'c', 'd']);
  });

  it('finds every word of the query, ignoring case and accents', () => {
    expect(arrangeRooms(rooms, 'perche', 'newest').map((r) => r.id)).toEqual(['b']);
    expect(arrangeRooms(rooms, 'uber', 'newest').map((r) => r.id)).toEqual(['c']);
    expect(arrangeRooms(rooms, 'transition GREEN', 'newest').map((r) => r.id)).toEqual(['a']);
    expect(arrangeRooms(rooms, 'green nothing', 'newest')).toEqual([]);
  });

  it('backs off 2, 4, 8, 16 s, then retries every 30 s', () => {
    expect([0, 1, 2, 3, 4, 9].map(retryDelayMs)).toEqual([2000, 4000, 8000, 16000, 30000, 30000]);
  });
});
