import { describe, expect, it } from 'vitest';
import { deletedBlocks, deletedSince, presentAt, type Session } from './historyApi';

const p = (name: string, joinedAt: string, leftAt: string | null) => ({ userId: `${name}-id`, username: name, name, role: 'participant', joinedAt, leftAt });

describe('a room’s history', () => {
  const sessions: Session[] = [
    { startedAt: '2026-05-04T09:00:00Z', endedAt: '2026-05-04T10:00:00Z', partial: false,
      participants: [p('Fabio', '2026-05-04T09:00:00Z', '2026-05-04T10:00:00Z'), p('Alice', '2026-05-04T09:30:00Z', '2026-05-04T09:45:00Z')] },
    { startedAt: '2026-05-04T11:00:00Z', endedAt: null, partial: false, participants: [p('Bruno', '2026-05-04T11:00:00Z', null)] },
  ];

  it('says who was in the room at a moment: joined by then, not yet left', () => {
    expect(presentAt(sessions, Date.parse('2026-05-04T09:40:00Z')).map((x) => x.name)).toEqual(['Alice', 'Fabio']);
    expect(presentAt(sessions, Date.parse('2026-05-04T09:50:00Z')).map((x) => x.name)).toEqual(['Fabio']);
    expect(presentAt(sessions, Date.parse('2026-05-04T10:30:00Z'))).toEqual([]);
    // Still there: the session goes on.
    expect(presentAt(sessions, Date.parse('2026-05-04T15:00:00Z')).map((x) => x.name)).toEqual(['Bruno']);
  });

  it('offers back what had a text then and is gone now', () => {
    const then = { n1: { type: 'note', text: 'Kept' }, n2: { type: 'note', text: 'Lost' }, c1: { type: 'connector' }, n3: { type: 'note', text: ' ' } };
    expect(deletedSince(then, { n1: {} })).toEqual([{ id: 'n2', text: 'Lost' }]);
  });
});

describe('deleted paragraphs', () => {
  it('lists the blocks that had a text then and that no block has now, by their place then', () => {
    expect(deletedBlocks(['First', 'Decisions', 'Lost & found', ''], ['First', 'Decisions'])).toEqual([{ index: 2, text: 'Lost & found' }]);
    expect(deletedBlocks(['Moved'], ['Other', 'Moved'])).toEqual([]);
  });
});

describe('the width a playback asks the board for', () => {
  it('is the picture’s width in device pixels, in steps of 100, within what the server takes', async () => {
    const { pictureWidth } = await import('./historyApi');
    expect(pictureWidth(780, 1)).toBe(800);
    expect(pictureWidth(780, 2)).toBe(1600);
    expect(pictureWidth(10, 1)).toBe(100);
    expect(pictureWidth(9000, 2)).toBe(8000);
  });
});
