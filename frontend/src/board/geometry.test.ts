import { describe, expect, it } from 'vitest';
import { fitView } from './geometry';
import type { BoardObject } from './model';

const obj = (x: number, y: number, w: number, h: number): BoardObject =>
  ({ id: `${x},${y}`, type: 'frame', owner: 'u', x, y, w, h, z: 0, color: '#f4f6f8', text: '', votes: [] });

describe('zoom to fit', () => {
  it('shows every object inside the screen with a margin, zooming out as far as needed', () => {
    const objects = [obj(0, 0, 520, 420), obj(580, 0, 520, 420)];
    const v = fitView(objects, { w: 800, h: 600 })!;
    expect(v.s).toBeCloseTo(760 / 1100, 5);
    // Both corners of the content land inside the screen.
    expect(v.x + 0 * v.s).toBeGreaterThanOrEqual(20);
    expect(v.x + 1100 * v.s).toBeLessThanOrEqual(780 + 1e-9);
    expect(v.y + 420 * v.s).toBeLessThanOrEqual(580);
  });

  it('never zooms in beyond the cap, and works from negative coordinates', () => {
    const v = fitView([obj(-300, -200, 100, 50)], { w: 1200, h: 800 }, 1)!;
    expect(v.s).toBe(1);
    expect(v.x - 300 * v.s).toBe(20);
    expect(v.y - 200 * v.s).toBe(20);
  });

  it('has nothing to fit on an empty board or a screen not laid out', () => {
    expect(fitView([], { w: 800, h: 600 })).toBeUndefined();
    expect(fitView([obj(0, 0, 10, 10)], { w: 0, h: 0 })).toBeUndefined();
  });
});
