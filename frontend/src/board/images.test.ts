import { describe, expect, it } from 'vitest';
import { boardSize, imageFiles, isImageFile } from './images';
import palette from './palette.json';
import { NOTE_COLORS } from './model';

const file = (name: string, type: string) => new File(['x'], name, { type });

describe('board images and colours', () => {
  it('offers PNG, JPEG, GIF and WebP to the server, nothing else (SVG can carry scripts)', () => {
    expect(['image/png', 'image/jpeg', 'image/gif', 'image/webp'].every((type) => isImageFile({ type }))).toBe(true);
    expect(isImageFile({ type: 'image/svg+xml' })).toBe(false);
    expect(isImageFile({ type: '' })).toBe(false);
  });

  it('picks the images out of what was pasted or dropped and counts the rest', () => {
    const { images, others } = imageFiles([file('a.png', 'image/png'), file('notes.pdf', 'application/pdf'), file('b.webp', 'image/webp')]);
    expect(images.map((f) => f.name)).toEqual(['a.png', 'b.webp']);
    expect(others).toBe(1);
    // No type given by the browser: the server judges the bytes.
    expect(imageFiles([file('pasted', '')]).images.map((f) => f.name)).toEqual(['pasted']);
  });

  it('fits a picture into 320 board units keeping its proportions, never enlarging a small one', () => {
    expect(boardSize(4000, 3000)).toEqual({ w: 320, h: 240 });
    expect(boardSize(1080, 1920)).toEqual({ w: 180, h: 320 });
    expect(boardSize(100, 50)).toEqual({ w: 100, h: 50 });
    expect(boardSize(0, 0)).toEqual({ w: 240, h: 180 });
  });

  it('takes its note colours from the palette the server enforces', () => {
    expect(NOTE_COLORS).toEqual(palette.note);
  });
});
