import { describe, expect, it } from 'vitest';
import type { ManagedUser, RoomRecord } from '../app/api';
import { filterRooms, filterUsers, organisations } from './adminLists';

const user = (username: string, organisation: string | null, extra: Partial<ManagedUser> = {}): ManagedUser =>
  ({ id: `id-${username}`, username, enabled: true, organisation, roles: ['PARTICIPANT'], ...extra });
const room = (title: string, createdAt: string, archived = false): RoomRecord =>
  ({ id: title, title, kind: 'WORKSHOP', access: { facilitators: [], participants: [], observers: [] }, documents: [], createdAt, archived });

describe('admin lists', () => {
  const users = [
    user('alice', 'craft-sme-association', { firstName: 'Alice', lastName: 'Participant', email: 'alice@vetnet.test' }),
    user('fabio', 'northfield-vet-college', { firstName: 'Fabio', lastName: 'Facilitator' }),
    user('ada', null, { firstName: 'Ada', lastName: 'Admin' }),
    user('bea', 'northfield-vet-college', { firstName: 'Beatrice', lastName: 'Müller' }),
  ];

  it('finds users by any part of their name, username, e-mail or organisation', () => {
    expect(filterUsers(users, 'northfield').map((u) => u.username)).toEqual(['fabio', 'bea']);
    expect(filterUsers(users, 'MULLER bea').map((u) => u.username)).toEqual(['bea']);
    expect(filterUsers(users, 'alice@').map((u) => u.username)).toEqual(['alice']);
    expect(filterUsers(users, '')).toHaveLength(4);
  });

  it('counts the members of each organisation and those in none', () => {
    expect(organisations(users)).toEqual({
      organisations: [{ name: 'craft-sme-association', members: 1 }, { name: 'northfield-vet-college', members: 2 }],
      without: 1,
    });
  });

  it('lists every room, archived ones last, newest first', () => {
    const rooms = [room('Old', '2026-01-01T00:00:00Z'), room('Closed', '2026-12-01T00:00:00Z', true), room('New', '2026-12-05T00:00:00Z')];
    expect(filterRooms(rooms, '').map((r) => r.title)).toEqual(['New', 'Old', 'Closed']);
    expect(filterRooms(rooms, 'clo').map((r) => r.title)).toEqual(['Closed']);
  });
});
