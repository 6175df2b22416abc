import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLiveChannel, type LiveSource } from './live';

class FakeSource implements LiveSource {
  readyState = 1;
  onerror: ((e: Event) => void) | null = null;
  closed = false;
  readonly listeners = new Map<string, ((e: MessageEvent) => void)[]>();
  addEventListener(type: string, listener: (e: MessageEvent) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
  send(type: string, data: string) {
    this.listeners.get(type)?.forEach((l) => l({ data } as MessageEvent));
  }
  fail(closed: boolean) {
    this.readyState = closed ? 2 : 0;
    this.onerror?.(new Event('error'));
  }
}

let opened: FakeSource[];
const channel = () => createLiveChannel(() => {
  const s = new FakeSource();
  opened.push(s);
  return s;
}, 1000);

beforeEach(() => {
  opened = [];
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe('the live channel', () => {
  it('opens one stream for every listener and closes it when the last one leaves', () => {
    const c = channel();
    const presence: unknown[] = [];
    const notes: unknown[] = [];
    const offPresence = c.on('presence', (d) => presence.push(d));
    const offNotes = c.on('notification', (d) => notes.push(d));
    expect(opened.length).toBe(1);
    opened[0].send('presence', '{"r1": 2}');
    opened[0].send('notification', '{"id": "n1", "text": "Bruno replied"}');
    opened[0].send('notification', 'not json');
    expect(presence).toEqual([{ r1: 2 }]);
    expect(notes).toEqual([{ id: 'n1', text: 'Bruno replied' }]);
    offPresence();
    expect(opened[0].closed).toBe(false);
    offNotes();
    expect(opened[0].closed).toBe(true);
  });

  it('leaves a dropped connection to the browser, and reopens a refused one later, telling listeners meanwhile', () => {
    const c = channel();
    const down = vi.fn();
    const heard: unknown[] = [];
    c.on('notification', (d) => heard.push(d), down);
    opened[0].fail(false); // the browser reconnects by itself
    expect(down).not.toHaveBeenCalled();
    opened[0].fail(true); // answered with an error: closed for good
    expect(down).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(999);
    expect(opened.length).toBe(1);
    vi.advanceTimersByTime(1);
    expect(opened.length).toBe(2);
    opened[1].send('notification', '{"id": "n2"}');
    expect(heard).toEqual([{ id: 'n2' }]);
  });
});
