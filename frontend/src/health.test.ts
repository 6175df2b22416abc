import { describe, expect, it } from 'vitest';
import { platformStatus } from './health';

describe('platformStatus', () => {
  it('reads UP as up', () => expect(platformStatus({ status: 'UP' })).toBe('up'));
  it('reads DOWN and OUT_OF_SERVICE as down', () => {
    expect(platformStatus({ status: 'DOWN' })).toBe('down');
    expect(platformStatus({ status: 'OUT_OF_SERVICE' })).toBe('down');
  });
  it('treats an unknown status as degraded', () => expect(platformStatus({ status: 'UNKNOWN' })).toBe('degraded'));
  it('treats a missing body as down', () => {
    expect(platformStatus(null)).toBe('down');
    expect(platformStatus('oops')).toBe('down');
  });
});
