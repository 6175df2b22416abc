import { NOTE_TEXT, wrap } from '../board/textLayout';

/**
 * The case as the counselling room's board shows it: its title and challenge in the case frame's starter note.
 * The challenge is Markdown; a board note holds plain text, so the markup is taken out and what it marked kept.
 */
export const CASE_NOTE_MAX = 600;
/** The note's width and its most lines: it stays inside the case frame (lobby/templates.ts), however the text runs. */
export const CASE_NOTE_WIDTH = 380;
export const CASE_NOTE_LINES = 16;

const lineCount = (text: string) => wrap(text, CASE_NOTE_WIDTH - 16, NOTE_TEXT.size).length;

export function plainText(markdown: string): string {
  return markdown
    .replace(/\r\n?/g, '\n')
    .replace(/^\s*(```|~~~).*$/gm, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/<[^>\n]+>/g, '')
    .replace(/^\s{0,3}#{1,6}\s+/gm, '')
    .replace(/^\s{0,3}>\s?/gm, '')
    .replace(/^(\s*)[*+]\s+/gm, '$1- ')
    .replace(/(\*\*|__)(?=\S)([^\n]*?\S)\1/g, '$2')
    .replace(/(^|[^\w*])\*(?=\S)([^*\n]*?\S)\*(?!\w)/g, '$1$2')
    .replace(/`([^`\n]*)`/g, '$1')
    .replace(/^\s{0,3}([-*_])(\s*\1){2,}\s*$/gm, '')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Title, an empty line, the challenge as plain text; cut at a word near `max` characters, and to the lines the note
 * shows, with an ellipsis.
 */
export function caseNoteText(title: string, challenge: string, max = CASE_NOTE_MAX): string {
  const text = [title.trim(), plainText(challenge)].filter(Boolean).join('\n\n');
  if (text.length <= max && lineCount(text) <= CASE_NOTE_LINES) return text;
  let cut = text.slice(0, max - 1);
  const space = cut.search(/\s\S*$/);
  if (space > max * 0.8) cut = cut.slice(0, space);
  while (lineCount(`${cut.trimEnd()}…`) > CASE_NOTE_LINES) {
    const last = cut.trimEnd().search(/\s\S*$/);
    cut = last > 0 ? cut.slice(0, last) : cut.slice(0, -1);
  }
  return `${cut.trimEnd()}…`;
}
