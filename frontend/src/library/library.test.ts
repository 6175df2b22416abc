import { describe, expect, it } from 'vitest';
import type { LibraryReference, Practice } from './libraryApi';
import { isLibraryPath, libraryRoute } from './libraryRoute';
import { emptyForm, formFromPractice, isWebAddress, practiceBody, withCountry } from './practiceForm';
import { countryName, eqfName, facetValueLabel, localName, regionsOf, sectorName, splitSector } from './reference';
import { apiSearchParams, facetEntries, libraryUrl, pageCount, parseSearch, toggleFilter, withPage, withQuery } from './searchState';

const reference: LibraryReference = {
  eqf: [{ level: 4, names: { en: 'Level 4', it: 'Livello 4' } }],
  nace: {
    sections: [{ code: 'C', names: { en: 'Manufacturing', it: 'Attività manifatturiere', de: 'Verarbeitendes Gewerbe' } }],
    divisions: [{ code: '16', section: 'C', names: { en: 'Manufacture of wood' } }],
  },
  countries: [{ code: 'IT', names: { en: 'Italy', it: 'Italia', de: 'Italien' } }, { code: 'AT', names: { en: 'Austria' } }],
  regions: [
    { code: 'ITH3', country: 'IT', level: 2, name: 'Veneto' },
    { code: 'ITH', country: 'IT', level: 1, name: 'Nord-Est' },
    { code: 'AT13', country: 'AT', level: 2, name: 'Wien' },
  ],
  licences: [{ id: 'CC-BY-4.0', short: 'CC BY 4.0', name: 'Attribution 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' }],
  organisationTypes: [{ id: 'VET_PROVIDER', names: { en: 'VET provider', de: 'Bildungsanbieter' } }],
};

describe('search state in the URL', () => {
  it('reads what it writes, repeated facet values included', () => {
    const url = '/library?q=mentor+pool&sector=C&sector=F&country=IT&page=2';
    const state = parseSearch(url.split('?')[1]);
    expect(state.q).toBe('mentor pool');
    expect(state.filters.sector).toEqual(['C', 'F']);
    expect(state.filters.country).toEqual(['IT']);
    expect(state.page).toBe(2);
    expect(libraryUrl(state)).toBe(url);
  });

  it('leaves out what is empty, and ignores a page that is not one', () => {
    expect(libraryUrl(parseSearch(''))).toBe('/library');
    expect(parseSearch('?page=-3').page).toBe(0);
    expect(parseSearch('page=abc&sector=&sector=C&sector=C').filters.sector).toEqual(['C']);
    expect(libraryUrl(withQuery(parseSearch('?page=4'), '  '))).toBe('/library');
  });

  it('spells out page and size for the server', () => {
    expect(apiSearchParams(parseSearch('?eqfLevel=4&q=x'), 20)).toBe('q=x&eqfLevel=4&page=0&size=20');
  });

  it('starts again on the first page when a filter or the query changes, not when the page does', () => {
    const on = toggleFilter(parseSearch('?page=3&sector=C'), 'sector', 'F');
    expect(on.filters.sector).toEqual(['C', 'F']);
    expect(on.page).toBe(0);
    expect(toggleFilter(on, 'sector', 'C').filters.sector).toEqual(['F']);
    expect(withQuery(parseSearch('?page=3'), 'wood').page).toBe(0);
    expect(withPage(parseSearch('?q=a'), 1)).toMatchObject({ q: 'a', page: 1 });
  });

  it('keeps a selected value the server no longer counts, so it can be cleared', () => {
    expect(facetEntries([{ value: 'C', count: 2 }], ['F', 'C'])).toEqual([
      { value: 'C', count: 2, selected: true },
      { value: 'F', count: 0, selected: true },
    ]);
    expect(facetEntries(undefined, [])).toEqual([]);
  });

  it('counts pages, at least one', () => {
    expect(pageCount(0, 20)).toBe(1);
    expect(pageCount(41, 20)).toBe(3);
  });
});

describe('library routes', () => {
  it('knows its paths and nothing else', () => {
    expect(isLibraryPath('/library')).toBe(true);
    expect(isLibraryPath('/library?q=x')).toBe(true);
    expect(isLibraryPath('/library/mine')).toBe(true);
    expect(isLibraryPath('/libraryx')).toBe(false);
    expect(isLibraryPath('/rooms/library')).toBe(false);
  });

  it('tells the views apart', () => {
    expect(libraryRoute('/library?sector=C')).toMatchObject({ view: 'search', search: { filters: { sector: ['C'] } } });
    expect(libraryRoute('/library/mine')).toEqual({ view: 'mine' });
    expect(libraryRoute('/library/new/')).toEqual({ view: 'new' });
    expect(libraryRoute('/library/practices/a%20b')).toEqual({ view: 'practice', id: 'a b' });
    expect(libraryRoute('/library/practices/p1/edit')).toEqual({ view: 'edit', id: 'p1' });
  });
});

describe('reference labels', () => {
  it('falls back to English, then to the code', () => {
    expect(localName({ en: 'Italy', it: 'Italia' }, 'it', 'IT')).toBe('Italia');
    expect(localName({ en: 'Austria' }, 'de', 'AT')).toBe('Austria');
    expect(localName({ it: 'Solo italiano' }, 'de', 'XX')).toBe('XX');
    expect(localName(undefined, 'de', 'XX')).toBe('XX');
    expect(countryName(reference, 'IT', 'de')).toBe('Italien');
    expect(countryName(null, 'IT', 'de')).toBe('IT');
    expect(eqfName(reference, 4, 'de')).toBe('Level 4');
  });

  it('names a sector by its division when there is one, else by its section', () => {
    expect(splitSector('C16')).toEqual({ section: 'C', division: '16' });
    expect(sectorName(reference, 'C16', 'it')).toBe('Manufacture of wood');
    expect(sectorName(reference, 'C', 'it')).toBe('Attività manifatturiere');
    expect(sectorName(reference, 'C99', 'de')).toBe('Verarbeitendes Gewerbe');
    expect(sectorName(reference, 'Q', 'en')).toBe('Q');
  });

  it('labels every facet', () => {
    expect(facetValueLabel(reference, 'licence', 'CC-BY-4.0', 'en')).toBe('CC BY 4.0');
    expect(facetValueLabel(reference, 'licence', 'CC0-1.0', 'en')).toBe('CC0-1.0');
    expect(facetValueLabel(reference, 'organisationType', 'VET_PROVIDER', 'de')).toBe('Bildungsanbieter');
    expect(facetValueLabel(reference, 'eqfLevel', '4', 'it')).toBe('Livello 4');
    expect(facetValueLabel(reference, 'language', 'zz-unknown-language', 'en')).toBeTruthy();
  });

  it('lists the regions of one country, broadest first', () => {
    expect(regionsOf(reference, 'IT').map((r) => r.code)).toEqual(['ITH', 'ITH3']);
    expect(regionsOf(reference, '')).toEqual([]);
  });
});

describe('the practice form', () => {
  it('sends optional choices as null and drops empty link rows', () => {
    const form = { ...emptyForm('it'), title: '  Mentor pool ', sector: 'C16', country: 'IT', links: [{ label: ' Site ', url: 'https://x.eu ' }, { label: '', url: ' ' }] };
    const body = practiceBody(form);
    expect(body).toMatchObject({ title: 'Mentor pool', sector: 'C16', eqfLevel: null, region: null, language: 'it' });
    expect(body.links).toEqual([{ label: 'Site', url: 'https://x.eu' }]);
    expect(practiceBody({ ...form, eqfLevel: '4', region: 'ITH3' })).toMatchObject({ eqfLevel: 4, region: 'ITH3' });
  });

  it('fills the form from a practice and back without change', () => {
    const practice = {
      id: 'p1', slug: 's', version: 2, status: 'DRAFT', licence: null, authors: [], endorsements: 0, endorsedByMe: false, mine: true,
      createdAt: '', updatedAt: '', publishedAt: null, demo: false,
      title: 'T', summary: 'S', problem: 'P', approach: 'A', results: 'R', evidence: 'E', sector: 'C', eqfLevel: 5,
      country: 'IT', region: 'ITH3', language: 'it', organisation: 'O', organisationType: 'VET_PROVIDER',
      links: [{ label: 'L', url: 'https://l.eu' }],
    } satisfies Practice;
    const { id, slug, version, status, licence, authors, endorsements, endorsedByMe, mine, createdAt, updatedAt, publishedAt, demo, ...fields } = practice;
    expect(practiceBody(formFromPractice(practice))).toEqual(fields);
  });

  it('clears the region when the country changes to one it is not in', () => {
    const regionCountry = (code: string) => reference.regions.find((r) => r.code === code)?.country;
    const form = { ...emptyForm('en'), country: 'IT', region: 'ITH3' };
    expect(withCountry(form, 'AT', regionCountry).region).toBe('');
    expect(withCountry(form, 'IT', regionCountry).region).toBe('ITH3');
  });

  it('links only to web addresses', () => {
    expect(isWebAddress('https://example.eu/a')).toBe(true);
    expect(isWebAddress('javascript:alert(1)')).toBe(false);
    expect(isWebAddress('www.example.eu')).toBe(false);
  });
});
