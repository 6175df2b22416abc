import { describe, expect, it } from 'vitest';
import { MAX_SCALE, pinchView } from './touch';

const toScreen = (v: { x: number; y: number; s: number }, p: { x: number; y: number }) => ({ x: v.x + p.x * v.s, y: v.y + p.y * v.s });

describe('pinch zoom', () => {
  const start = { x: 40, y: 40, s: 1 };

  it('zooms by the change of distance between the fingers, keeping the point between them in place', () => {
    const v = pinchView(start, { x: 100, y: 200 }, { x: 300, y: 200 }, { x: 0, y: 200 }, { x: 400, y: 200 });
    expect(v.s).toBeCloseTo(2, 10);
    // The board point that was under the midpoint (200, 200) is still there.
    const boardPoint = { x: (200 - start.x) / start.s, y: (200 - start.y) / start.s };
    expect(toScreen(v, boardPoint).x).toBeCloseTo(200, 10);
    expect(toScreen(v, boardPoint).y).toBeCloseTo(200, 10);
  });

  it('pans when both fingers move together', () => {
    const v = pinchView(start, { x: 100, y: 100 }, { x: 200, y: 100 }, { x: 150, y: 160 }, { x: 250, y: 160 });
    expect(v).toEqual({ x: 90, y: 100, s: 1 });
  });

  it('stays within the zoom limits, also when fingers meet', () => {
    expect(pinchView(start, { x: 0, y: 0 }, { x: 10, y: 0 }, { x: 0, y: 0 }, { x: 1000, y: 0 }).s).toBe(MAX_SCALE);
    expect(Number.isFinite(pinchView(start, { x: 5, y: 5 }, { x: 5, y: 5 }, { x: 5, y: 5 }, { x: 6, y: 5 }).s)).toBe(true);
  });
});
