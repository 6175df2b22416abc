import type { AccessList, DirectoryPerson, RoomRecord } from '../app/api';
import type { MessageKey } from '../i18n/i18n';

/** The roles a facilitator gives in the Share dialog; the owner is apart and stays. */
export type MemberRole = 'facilitator' | 'participant' | 'observer';
export const MEMBER_ROLES: readonly MemberRole[] = ['facilitator', 'participant', 'observer'];

const LISTS: Record<MemberRole, keyof Omit<AccessList, 'owner'>> = {
  facilitator: 'facilitators',
  participant: 'participants',
  observer: 'observers',
};

/**
 * The words for a role in this room: where the server says observers hold a seat with a voice (a dialogue session:
 * they ask, answer and vote, and read the board), an observer is called so (docs/rooms.md, "Roles and permissions").
 */
export function roleKey(role: string, room: Pick<RoomRecord, 'rules'> | null | undefined): MessageKey {
  return (room?.rules?.observersHaveAVoice && role === 'observer' ? 'role.seat' : `role.${role}`) as MessageKey;
}

/** One line of the dialog: an entry of the list (a username or a user id) and the role it has there. */
export interface Member {
  entry: string;
  role: MemberRole | 'owner';
}

/** Everyone on the list, the owner first, each entry once with its strongest role (as the room server reads it). */
export function members(access: AccessList): Member[] {
  const out: Member[] = [];
  const seen = new Set<string>();
  const add = (entry: string, role: Member['role']) => {
    if (!seen.has(entry)) {
      seen.add(entry);
      out.push({ entry, role });
    }
  };
  if (access.owner) add(access.owner, 'owner');
  for (const role of MEMBER_ROLES) for (const entry of access[LISTS[role]]) add(entry, role);
  return out;
}

/** The list with `entry` in `role` only (added if new, moved if there). The owner cannot be given another role. */
export function withRole(access: AccessList, entry: string, role: MemberRole): AccessList {
  if (entry === access.owner) return access;
  const next = without(access, entry);
  return { ...next, [LISTS[role]]: [...next[LISTS[role]], entry] };
}

/** The list without `entry` (the owner stays). */
export function without(access: AccessList, entry: string): AccessList {
  if (entry === access.owner) return access;
  return {
    owner: access.owner,
    facilitators: access.facilitators.filter((e) => e !== entry),
    participants: access.participants.filter((e) => e !== entry),
    observers: access.observers.filter((e) => e !== entry),
  };
}

/**
 * What the text typed in the picker names among the directory's answers: the one person whose username or name
 * it is (any case, surrounding spaces ignored), else nobody. A near miss ("palua") names nobody: the dialog says so
 * instead of adding a name no one has.
 */
export function exactMatch(text: string, found: DirectoryPerson[]): DirectoryPerson | undefined {
  const wanted = text.trim().toLocaleLowerCase();
  const hits = found.filter((p) => p.username.toLocaleLowerCase() === wanted || p.name.toLocaleLowerCase() === wanted);
  return hits.length === 1 ? hits[0] : undefined;
}

/** Whether `person` is on the list already, by username or id. */
export function isMember(access: AccessList, person: DirectoryPerson): boolean {
  return members(access).some((m) => m.entry === person.username || m.entry === person.id);
}
