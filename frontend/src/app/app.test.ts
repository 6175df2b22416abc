import { describe, expect, it } from 'vitest';
import { roomIdFromLink } from '../lobby/Lobby';
import { normaliseMe, roleIn, type Me, type RoomRecord } from './api';
import { parsePresence } from './presence';

const me = (username: string, roles: string[]): Me => ({ id: `u-${username}`, username, displayName: username, roles });
const room = (kind: RoomRecord['kind']): RoomRecord => ({
  id: 'r1', title: 't', kind, documents: ['board'],
  access: { owner: 'u-fabio', facilitators: [], participants: ['alice', 'paula'], observers: ['otto'] },
});

describe('room role', () => {
  it('is what the server said (GET /api/rooms/{id} carries yourRole), never worked out again here', () => {
    expect(roleIn({ ...room('DIALOGUE_SESSION'), yourRole: 'observer' })).toBe('observer');
    expect(roleIn({ ...room('WORKSHOP'), yourRole: 'facilitator' })).toBe('facilitator');
    expect(roleIn(room('WORKSHOP'))).toBeNull();
  });
});

describe('the gateway\'s /api/me', () => {
  it('spells roles as the tokens do, whatever case the gateway used', () => {
    const fromGateway = normaliseMe(me('fabio', ['FACILITATOR', 'ADMIN']));
    expect(fromGateway.roles).toEqual(['facilitator', 'admin']);
  });
});

describe('join by link', () => {
  it('takes a full link or a bare id', () => {
    expect(roomIdFromLink('https://vetnet.example/rooms/abc-123?x=1')).toBe('abc-123');
    expect(roomIdFromLink(' abc-123 ')).toBe('abc-123');
    expect(roomIdFromLink('not a link')).toBeNull();
  });
});

describe('presence counts', () => {
  it('reads maps, lists and wrapped shapes', () => {
    expect(parsePresence({ r1: 3, r2: ['a', 'b'], r3: { count: 1 } })).toEqual({ r1: 3, r2: 2, r3: 1 });
    expect(parsePresence([{ roomId: 'r1', users: ['a'] }, { roomId: 'r2', count: 4 }])).toEqual({ r1: 1, r2: 4 });
    expect(parsePresence({ rooms: { r1: 2 } })).toEqual({ r1: 2 });
    expect(parsePresence('nope')).toBeNull();
  });
});
