import { describe, expect, it } from 'vitest';
import { isPublishedPath, publicationFileUrl, publishedIdOf, publishedUrl } from './publicationsApi';

describe('the published pages’ addresses', () => {
  it('are the list and one publication, nothing deeper', () => {
    expect(isPublishedPath('/published')).toBe(true);
    expect(isPublishedPath('/published/')).toBe(true);
    expect(isPublishedPath('/published/enu8hudqg2ztj4bw')).toBe(true);
    expect(isPublishedPath('/published/enu8hudqg2ztj4bw?x=1')).toBe(true);
    expect(isPublishedPath('/published/a/b')).toBe(false);
    expect(isPublishedPath('/publishedx')).toBe(false);
  });
  it('name the publication, and build back to the same address', () => {
    expect(publishedIdOf('/published')).toBeNull();
    expect(publishedIdOf(publishedUrl('a b'))).toBe('a b');
    expect(publicationFileUrl('p1', 'board.svg')).toBe('/api/public/publications/p1/files/board.svg');
  });
});
