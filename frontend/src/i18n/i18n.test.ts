import { describe, expect, it } from 'vitest';
import { en } from './en';
import { CATALOGUES, LANGUAGES, pickLanguage, placeholders, translator } from './i18n';

describe('i18n', () => {
  for (const lang of LANGUAGES) {
    it(`${lang} has every key of the English catalogue, no extra key, nothing empty, same placeholders`, () => {
      const cat = CATALOGUES[lang] as Record<string, string>;
      expect(Object.keys(cat).sort()).toEqual(Object.keys(en).sort());
      for (const [key, message] of Object.entries(en)) {
        expect(cat[key].trim(), `${lang}:${key}`).not.toBe('');
        expect(placeholders(cat[key]), `${lang}:${key}`).toEqual(placeholders(message));
      }
    });
  }

  it('fills placeholders', () => {
    expect(translator('it')('lobby.present', { count: 3 })).toBe('3 presenti ora');
    expect(translator('de')('conn.offlineUnsynced', { count: 2 })).toContain('2');
  });

  it('picks the profile language, else English', () => {
    expect(pickLanguage('de-AT')).toBe('de');
    expect(pickLanguage(undefined, 'IT')).toBe('it');
    expect(pickLanguage('fr', null)).toBe('en');
  });
});
