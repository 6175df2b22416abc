import { describe, expect, it } from 'vitest';
import { parseRejection } from './rejection';

describe('parseRejection', () => {
  it('reads the room server’s notice', () => {
    const payload = JSON.stringify({ type: 'vetnet.rejected', document: 'board', reason: 'objects/x belongs to bob', action: 'rejoin' });
    expect(parseRejection(payload)).toEqual({ document: 'board', reason: 'objects/x belongs to bob' });
  });
  it('ignores other stateless messages and garbage', () => {
    expect(parseRejection('{"type":"hello"}')).toBeNull();
    expect(parseRejection('not json')).toBeNull();
    expect(parseRejection('42')).toBeNull();
  });
});
