import { describe, expect, it } from 'vitest';
import { hslToHex, userCaretColor, userColor } from './peers';

describe('hslToHex', () => {
  it('converts the primaries, greys and a mid tone as CSS does', () => {
    expect(hslToHex(0, 100, 50)).toBe('#ff0000');
    expect(hslToHex(120, 100, 50)).toBe('#00ff00');
    expect(hslToHex(240, 100, 50)).toBe('#0000ff');
    expect(hslToHex(60, 100, 25)).toBe('#808000');
    expect(hslToHex(0, 0, 0)).toBe('#000000');
    expect(hslToHex(0, 0, 100)).toBe('#ffffff');
    expect(hslToHex(200, 0, 50)).toBe('#808080');
    // hsl(210 70% 42%) is rgb(32, 107, 182)
    expect(hslToHex(210, 70, 42)).toBe('#206bb6');
  });

  it('wraps the hue and clamps the percentages', () => {
    expect(hslToHex(360, 100, 50)).toBe('#ff0000');
    expect(hslToHex(-120, 100, 50)).toBe('#0000ff');
    expect(hslToHex(0, 150, 120)).toBe('#ffffff');
  });
});

describe('a person\'s colours', () => {
  it('gives the caret the same colour as the cursor, as #rrggbb (the only form Tiptap draws)', () => {
    for (const id of ['alice', 'fabio', '0b4c6c4e-1d47-4a4c-9a8e-1c1f0d0d1f5e', '']) {
      const hsl = userColor(id).match(/^hsl\((\d+) (\d+)% (\d+)%\)$/);
      expect(hsl, userColor(id)).not.toBeNull();
      expect(userCaretColor(id)).toMatch(/^#[0-9a-f]{6}$/);
      expect(userCaretColor(id)).toBe(hslToHex(Number(hsl![1]), Number(hsl![2]), Number(hsl![3])));
    }
  });
});
