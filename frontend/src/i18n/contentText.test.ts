import { describe, expect, it } from 'vitest';
import { inViewerLanguage } from './contentText';
import { translator } from './i18n';

describe('template content in the viewer’s language', () => {
  const de = translator('de');
  const it_ = translator('it');
  const en = translator('en');

  it('shows untouched template text in the viewer’s language, whoever wrote it', () => {
    const writtenInItalian = it_('template.smeNeeds');
    expect(inViewerLanguage(writtenInItalian, 'template.smeNeeds', de)).toBe(de('template.smeNeeds'));
    expect(inViewerLanguage(writtenInItalian, 'template.smeNeeds', en)).toBe(en('template.smeNeeds'));
    expect(de('template.smeNeeds')).not.toBe(en('template.smeNeeds'));
  });

  it('shows text someone changed as they wrote it', () => {
    expect(inViewerLanguage('Our own title', 'template.smeNeeds', de)).toBe('Our own title');
    expect(inViewerLanguage(`${en('template.smeNeeds')}!`, 'template.smeNeeds', de)).toBe(`${en('template.smeNeeds')}!`);
  });

  it('ignores keys that are not ours (a hand-made update cannot make the app show any message)', () => {
    expect(inViewerLanguage('x', 'no.such.key', de)).toBe('x');
    expect(inViewerLanguage('x', undefined, de)).toBe('x');
    expect(inViewerLanguage('x', 'toString', de)).toBe('x');
  });
});
