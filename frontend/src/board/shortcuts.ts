import type { Tool } from './Board';

/** One key per tool, as Miro and Excalidraw teach them; listed in the board's help panel. */
export const TOOL_KEYS: Readonly<Record<string, Tool>> = {
  v: 'select', n: 'note', t: 'text', r: 'rect', o: 'ellipse', l: 'connector', p: 'pen', f: 'frame', i: 'image',
};

/** The key that picks {@code tool}, upper case for display. */
export function keyOf(tool: Tool): string | undefined {
  const k = Object.keys(TOOL_KEYS).find((key) => TOOL_KEYS[key] === tool);
  return k?.toUpperCase();
}

/**
 * The tool a key press picks on the board, or null: a single letter with no modifier (Ctrl+N stays the browser's,
 * Shift+R and AltGr letters are text).
 */
export function toolForKey(e: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }): Tool | null {
  if (e.ctrlKey || e.metaKey || e.altKey || e.shiftKey || e.key.length !== 1) return null;
  return TOOL_KEYS[e.key.toLowerCase()] ?? null;
}
