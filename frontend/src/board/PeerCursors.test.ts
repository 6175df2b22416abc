import { describe, expect, it } from 'vitest';
import { IDLE_AFTER_MS, isIdle } from './PeerCursors';

describe('peer cursors', () => {
  it('call a person idle once they have not moved for a while', () => {
    const now = 1_000_000;
    expect(isIdle({ activeAt: now - 1_000 }, now)).toBe(false);
    expect(isIdle({ activeAt: now - IDLE_AFTER_MS - 1 }, now)).toBe(true);
  });
});
