/** Text layout of board objects, shared by the view (what is drawn) and the model (how tall a note must be). */

/** A note's text: font size and line height in board units, and the room its body keeps free (padding, vote badge). */
export const NOTE_TEXT = { size: 15, lineHeight: 15 * 1.25, reserved: 14 + 12 } as const;

/** Greedy word wrap by an estimated glyph width: cheap enough for 2,000 notes, no DOM measuring. */
export function wrap(text: string, width: number, fontSize: number): string[] {
  const perLine = Math.max(4, Math.floor(width / (fontSize * 0.55)));
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/)) {
      if (!word) continue;
      if (!line) line = word;
      else if (line.length + 1 + word.length <= perLine) line += ' ' + word;
      else {
        lines.push(line);
        line = word;
      }
      while (line.length > perLine) {
        lines.push(line.slice(0, perLine));
        line = line.slice(perLine);
      }
    }
    lines.push(line);
  }
  return lines;
}

/** The height a note of width {@code w} needs to show all of {@code text} (at least its own minimum). */
export function noteHeightFor(text: string, w: number, minimum = 120): number {
  const lines = wrap(text, w - 16, NOTE_TEXT.size).length;
  return Math.max(minimum, Math.ceil(lines * NOTE_TEXT.lineHeight + NOTE_TEXT.reserved + 4));
}
