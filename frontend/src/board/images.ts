/**
 * Images on the board. The room server stores an upload and answers a path of our own origin
 * (`/api/rooms/{room}/images/{sha256}`); a board object's `url` may only be such a path or a small data:image URL
 * (docs/rooms.md, "Images" and "Board content"), never a third party's address. The server judges the bytes and the
 * size (413 with the limit); the browser only filters what it offers to send.
 */
import { DEFAULT_SIZE } from './model';

export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;

/** Whether a file claims to be one of the image types the server takes (the server checks the bytes themselves). */
export function isImageFile(file: { type: string }): boolean {
  return (IMAGE_TYPES as readonly string[]).includes(file.type);
}

/**
 * The files among what was pasted or dropped that go to the server, and how many were left out. A file the browser
 * could not type (`''`: some apps paste pictures that way) goes too: the server reads its bytes and says whether it
 * is an image. Only files that claim another type (a PDF, a text) are left out here.
 */
export function imageFiles(files: ArrayLike<File>): { images: File[]; others: number } {
  const all = Array.from(files);
  const images = all.filter((f) => isImageFile(f) || f.type === '');
  return { images, others: all.length - images.length };
}

/** The largest side of a new image on the board; the other follows the picture's own proportions. */
export const IMAGE_BOARD_SIDE = 320;

/** A picture of `width` x `height` pixels, scaled to fit IMAGE_BOARD_SIDE (never enlarged beyond its pixels). */
export function boardSize(width: number, height: number): { w: number; h: number } {
  if (!(width > 0) || !(height > 0)) return { w: DEFAULT_SIZE.image[0], h: DEFAULT_SIZE.image[1] };
  const scale = Math.min(1, IMAGE_BOARD_SIDE / Math.max(width, height));
  return { w: Math.max(16, Math.round(width * scale)), h: Math.max(16, Math.round(height * scale)) };
}

/** The pixel size of an image file, or undefined when the browser cannot decode it. */
export async function pixelSize(file: Blob): Promise<{ width: number; height: number } | undefined> {
  if (typeof createImageBitmap !== 'function') return undefined;
  try {
    const bitmap = await createImageBitmap(file);
    const size = { width: bitmap.width, height: bitmap.height };
    bitmap.close();
    return size;
  } catch {
    return undefined;
  }
}
