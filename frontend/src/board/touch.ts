import { MAX_SCALE, MIN_SCALE, type BoardView, type Point } from './geometry';

export { MAX_SCALE, MIN_SCALE };

/** How long a finger must rest on an object, without moving, to edit its text (as a double-click does). */
export const LONG_PRESS_MS = 550;
/** Further than this (screen pixels) and a resting finger is a drag, not a long press. */
export const LONG_PRESS_SLOP = 8;

/**
 * The view while two fingers pinch: the board point that was under the midpoint of the fingers when they came down
 * stays under their midpoint now (so pinching also pans), and the zoom follows the change of distance between them.
 * Points are screen coordinates relative to the canvas.
 */
export function pinchView(start: BoardView, a0: Point, b0: Point, a1: Point, b1: Point): BoardView {
  const d0 = Math.hypot(b0.x - a0.x, b0.y - a0.y) || 1;
  const d1 = Math.hypot(b1.x - a1.x, b1.y - a1.y) || 1;
  const s = Math.min(MAX_SCALE, Math.max(MIN_SCALE, start.s * (d1 / d0)));
  const m0 = { x: (a0.x + b0.x) / 2, y: (a0.y + b0.y) / 2 };
  const m1 = { x: (a1.x + b1.x) / 2, y: (a1.y + b1.y) / 2 };
  const board = { x: (m0.x - start.x) / start.s, y: (m0.y - start.y) / start.s };
  return { s, x: m1.x - board.x * s, y: m1.y - board.y * s };
}
