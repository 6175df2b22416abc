/**
 * Images on the board. The room server accepts an object's `url` only as a data:image URL the update carries itself
 * or a path of our own origin (docs/rooms.md, "Board content"): a third-party URL would make every viewer's
 * browser call that party. Until the server stores uploads, an image travels inside the board as a data URL, so
 * its size is capped to keep the document small.
 */
export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
export const MAX_IMAGE_BYTES = 256 * 1024;

export type ImageCheck = { ok: true } | { ok: false; reason: 'type' | 'size' };

export function checkImage(file: { type: string; size: number }): ImageCheck {
  if (!(IMAGE_TYPES as readonly string[]).includes(file.type)) return { ok: false, reason: 'type' };
  if (file.size > MAX_IMAGE_BYTES) return { ok: false, reason: 'size' };
  return { ok: true };
}

/** The file as a data:image URL. */
export function readAsDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('the image could not be read'));
    reader.readAsDataURL(file);
  });
}
