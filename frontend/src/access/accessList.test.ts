import { describe, expect, it } from 'vitest';
import { exactMatch, isMember, members, roleKey, without, withRole } from './accessList';

const list = { owner: 'id-fabio', facilitators: ['bea'], participants: ['alice', 'bea'], observers: ['paula'] };
const people = [
  { id: 'id-paula', username: 'paula', name: 'Paula Policymaker' },
  { id: 'id-paul', username: 'paul', name: 'Paul Smith' },
];

describe('access list edits', () => {
  it('lists the owner first and each entry once with its strongest role', () => {
    expect(members(list)).toEqual([
      { entry: 'id-fabio', role: 'owner' },
      { entry: 'bea', role: 'facilitator' },
      { entry: 'alice', role: 'participant' },
      { entry: 'paula', role: 'observer' },
    ]);
  });

  it('moves an entry to one role only and adds new ones', () => {
    const moved = withRole(list, 'bea', 'observer');
    expect(moved.facilitators).toEqual([]);
    expect(moved.participants).toEqual(['alice']);
    expect(moved.observers).toEqual(['paula', 'bea']);
    expect(withRole(list, 'carla', 'participant').participants).toEqual(['alice', 'bea', 'carla']);
  });

  it('never changes or removes the owner', () => {
    expect(withRole(list, 'id-fabio', 'observer')).toBe(list);
    expect(without(list, 'id-fabio')).toBe(list);
    expect(members(without(list, 'alice')).map((m) => m.entry)).toEqual(['id-fabio', 'bea', 'paula']);
  });

  it('names a person only by an exact username or name, not a near miss', () => {
    expect(exactMatch(' Paula ', people)?.username).toBe('paula');
    expect(exactMatch('paul smith', people)?.username).toBe('paul');
    expect(exactMatch('palua', people)).toBeUndefined();
    expect(exactMatch('pau', people)).toBeUndefined();
  });

  it('knows a member by username or id', () => {
    expect(isMember(list, people[0])).toBe(true);
    expect(isMember(list, { id: 'id-fabio', username: 'fabio', name: 'Fabio' })).toBe(true);
    expect(isMember(list, people[1])).toBe(false);
  });
});

describe('role words', () => {
  it('call an observer a seat with a voice where the server says observers have one, and nowhere else', () => {
    expect(roleKey('observer', { rules: { observersHaveAVoice: true, statementMaxLength: 280 } })).toBe('role.seat');
    expect(roleKey('observer', { rules: { observersHaveAVoice: false, statementMaxLength: 280 } })).toBe('role.observer');
    expect(roleKey('participant', { rules: { observersHaveAVoice: true, statementMaxLength: 280 } })).toBe('role.participant');
    expect(roleKey('observer', undefined)).toBe('role.observer');
  });
});
