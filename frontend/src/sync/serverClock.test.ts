import { describe, expect, it } from 'vitest';
import { offsetFrom, serverNow, syncServerClock } from './serverClock';

describe('server clock', () => {
  it('takes the offset from the quickest round trip, halfway through it', () => {
    expect(offsetFrom([
      { sentAt: 1000, serverNow: 6100, receivedAt: 1400 }, // slow: 400 ms
      { sentAt: 2000, serverNow: 7050, receivedAt: 2100 }, // quick: server is 5000 ms ahead
    ])).toBe(5000);
    expect(offsetFrom([])).toBeUndefined();
  });

  it('ignores samples whose local clock went backwards', () => {
    expect(offsetFrom([{ sentAt: 2000, serverNow: 0, receivedAt: 1000 }])).toBeUndefined();
  });

  it('moves serverNow by the measured offset and keeps it when the server cannot be asked', async () => {
    const ahead = 90_000;
    await syncServerClock(async () => Date.now() + ahead);
    expect(Math.abs(serverNow() - (Date.now() + ahead))).toBeLessThan(50);
    await syncServerClock(async () => { throw new Error('offline'); });
    expect(Math.abs(serverNow() - (Date.now() + ahead))).toBeLessThan(50);
  });
});
