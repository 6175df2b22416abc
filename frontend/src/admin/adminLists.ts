import type { ManagedUser, RoomRecord } from '../app/api';
import { folded } from '../lobby/roomList';

/** The users whose username, name, e-mail or organisation holds every word typed (accents and case ignored). */
export function filterUsers(users: ManagedUser[], query: string): ManagedUser[] {
  const words = folded(query).split(/\s+/).filter(Boolean);
  return users.filter((u) => {
    const text = folded([u.username, u.firstName, u.lastName, u.email, u.organisation].filter(Boolean).join(' '));
    return words.every((w) => text.includes(w));
  });
}

/** The organisations users belong to, with how many each, by name; people in none are counted apart. */
export function organisations(users: ManagedUser[]): { organisations: { name: string; members: number }[]; without: number } {
  const counts = new Map<string, number>();
  let without = 0;
  for (const u of users) {
    if (u.organisation) counts.set(u.organisation, (counts.get(u.organisation) ?? 0) + 1);
    else without++;
  }
  return { organisations: [...counts].map(([name, members]) => ({ name, members })).sort((a, b) => a.name.localeCompare(b.name)), without };
}

/** Every room (archived ones too, last) whose title holds every word typed, newest first within each group. */
export function filterRooms(rooms: RoomRecord[], query: string): RoomRecord[] {
  const words = folded(query).split(/\s+/).filter(Boolean);
  return rooms.filter((r) => words.every((w) => folded(r.title).includes(w)))
    .sort((a, b) => Number(!!a.archived) - Number(!!b.archived) || (b.createdAt ?? '').localeCompare(a.createdAt ?? '') || a.title.localeCompare(b.title));
}
