import type { BoardObject } from './model';

export interface Point {
  x: number;
  y: number;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export function center(r: Rect): Point {
  return { x: r.x + r.w / 2, y: r.y + r.h / 2 };
}

/** Where the segment from the centre of r towards p leaves r's border (rectangles; ellipses use their own). */
export function borderPoint(o: Pick<BoardObject, 'type' | 'x' | 'y' | 'w' | 'h'>, toward: Point): Point {
  const c = center(o);
  const dx = toward.x - c.x;
  const dy = toward.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const hw = Math.max(o.w / 2, 1);
  const hh = Math.max(o.h / 2, 1);
  if (o.type === 'ellipse') {
    const t = 1 / Math.sqrt((dx * dx) / (hw * hw) + (dy * dy) / (hh * hh));
    return { x: c.x + dx * t, y: c.y + dy * t };
  }
  const t = Math.min(hw / Math.abs(dx || 1e-9), hh / Math.abs(dy || 1e-9));
  return { x: c.x + dx * t, y: c.y + dy * t };
}

/** The two ends of a connector between shapes a and b, on their borders. */
export function connectorEnds(a: BoardObject, b: BoardObject): [Point, Point] {
  return [borderPoint(a, center(b)), borderPoint(b, center(a))];
}

export function bounds(o: BoardObject): Rect {
  if (o.type === 'pen' && o.points && o.points.length >= 2) {
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (let i = 0; i + 1 < o.points.length; i += 2) {
      minX = Math.min(minX, o.points[i]);
      maxX = Math.max(maxX, o.points[i]);
      minY = Math.min(minY, o.points[i + 1]);
      maxY = Math.max(maxY, o.points[i + 1]);
    }
    return { x: minX, y: minY, w: maxX - minX, h: maxY - minY };
  }
  return { x: o.x, y: o.y, w: o.w, h: o.h };
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.x <= b.x + b.w && b.x <= a.x + a.w && a.y <= b.y + b.h && b.y <= a.y + a.h;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h;
}

export function normalize(a: Point, b: Point): Rect {
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), w: Math.abs(a.x - b.x), h: Math.abs(a.y - b.y) };
}

/** The frame an object's centre lies in (the smallest one), for the outline. */
export function frameOf(o: BoardObject, frames: readonly BoardObject[]): BoardObject | undefined {
  const c = center(bounds(o));
  let best: BoardObject | undefined;
  for (const f of frames) {
    if (f.id === o.id) continue;
    if (c.x >= f.x && c.x <= f.x + f.w && c.y >= f.y && c.y <= f.y + f.h) {
      if (!best || f.w * f.h < best.w * best.h) best = f;
    }
  }
  return best;
}

/** How far the view zooms out and in: the one limit for the buttons, the wheel, a pinch and zoom to fit. */
export const MIN_SCALE = 0.1;
export const MAX_SCALE = 4;

/** A view of the board: board point p shows at screen point (x + p.x * s, y + p.y * s). */
export interface BoardView {
  x: number;
  y: number;
  s: number;
}

/**
 * The view that shows every object inside a screen of `screen` size with `margin` pixels around, zoomed out as far
 * as needed but never in beyond `maxScale` (a small board is not blown up). Undefined for an empty board or a
 * screen not laid out yet.
 */
export function fitView(objects: readonly BoardObject[], screen: { w: number; h: number }, maxScale = MAX_SCALE, margin = 20): BoardView | undefined {
  if (objects.length === 0 || screen.w <= 2 * margin || screen.h <= 2 * margin) return undefined;
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const o of objects) {
    const b = bounds(o);
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.w);
    y1 = Math.max(y1, b.y + b.h);
  }
  const s = Math.min(maxScale, Math.max(MIN_SCALE, Math.min((screen.w - 2 * margin) / (x1 - x0 || 1), (screen.h - 2 * margin) / (y1 - y0 || 1))));
  // Anchored at the top left, where reading starts (and where new content has room to grow right and down).
  return { s, x: margin - x0 * s, y: margin - y0 * s };
}
