import { describe, expect, it } from 'vitest';
import { keyOf, toolForKey } from './shortcuts';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) =>
  ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

describe('board shortcuts', () => {
  it('picks a tool by its letter, either case', () => {
    expect(toolForKey(key('n'))).toBe('note');
    expect(toolForKey(key('O'))).toBe('ellipse');
    expect(toolForKey(key('l'))).toBe('connector');
    expect(keyOf('pen')).toBe('P');
  });

  it('leaves modified keys and other letters alone', () => {
    expect(toolForKey(key('n', { ctrlKey: true }))).toBeNull();
    expect(toolForKey(key('r', { shiftKey: true }))).toBeNull();
    expect(toolForKey(key('z'))).toBeNull();
    expect(toolForKey(key('Enter'))).toBeNull();
  });
});
