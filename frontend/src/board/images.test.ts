import { describe, expect, it } from 'vitest';
import { checkImage, MAX_IMAGE_BYTES } from './images';
import palette from './palette.json';
import { NOTE_COLORS } from './model';

describe('board images and colours', () => {
  it('takes PNG, JPEG, GIF and WebP up to the cap, nothing else', () => {
    expect(checkImage({ type: 'image/png', size: 1000 })).toEqual({ ok: true });
    expect(checkImage({ type: 'image/webp', size: MAX_IMAGE_BYTES })).toEqual({ ok: true });
    expect(checkImage({ type: 'image/svg+xml', size: 1000 })).toEqual({ ok: false, reason: 'type' });
    expect(checkImage({ type: 'image/jpeg', size: MAX_IMAGE_BYTES + 1 })).toEqual({ ok: false, reason: 'size' });
  });

  it('takes its note colours from the palette the server enforces', () => {
    expect(NOTE_COLORS).toEqual(palette.note);
  });
});
