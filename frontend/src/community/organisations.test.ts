import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/i18n';
import type { OrganisationView } from './communityApi';
import {
  communityRoute, directoryUrl, emptyDirectorySearch, emptyOrganisationSearch, inSection, isCommunityPath, organisationsQuery,
  organisationsUrl, organisationUrl, parseDirectorySearch, parseOrganisationSearch,
} from './communityRoute';
import {
  emptyOrganisationForm, formFromOrganisation, isWebAddress, mayOfferFirstProfile, mayWriteFirstProfile, organisationBody,
  organisationProblem, organisationWithCountry,
} from './organisationForm';

const view: OrganisationView = {
  id: 'northfield-vet-college', name: 'Northfield VET College', type: 'VET_PROVIDER', country: 'IT', region: 'ITH3',
  sectors: ['C16', 'F'], languages: ['it', 'en'], profile: 'We train **joiners**.', profileHtml: '<p>We train <strong>joiners</strong>.</p>',
  website: 'https://northfield.example', people: 12, listed: [], canEdit: true, updatedAt: '2026-12-01T10:00:00Z', demo: false,
};
const regionCountry = (code: string) => ({ ITH3: 'IT', AT13: 'AT' } as Record<string, string>)[code];

describe('the organisations’ addresses', () => {
  it('are members’ pages, the list and one organisation', () => {
    for (const p of ['/organisations', '/organisations/', '/organisations?type=SME', '/organisations/northfield-vet-college']) {
      expect(isCommunityPath(p), p).toBe(true);
    }
    for (const p of ['/organisationsx', '/organisation', '/library/organisations']) expect(isCommunityPath(p), p).toBe(false);
    expect(communityRoute('/organisations')).toEqual({ view: 'organisations', search: emptyOrganisationSearch() });
    expect(communityRoute('/organisations/northfield-vet-college/')).toEqual({ view: 'organisation', id: 'northfield-vet-college' });
    expect(communityRoute('/organisations/a%20b')).toEqual({ view: 'organisation', id: 'a b' });
    expect(communityRoute('/organisations/a/b')).toBeNull();
    expect(communityRoute('/organisations/%E0%A4%A')).toBeNull();
    expect(communityRoute('/counselling/%E0%A4%A')).toBeNull();
    expect(inSection('/organisations/x', '/organisations')).toBe(true);
  });

  it('keep the search in the address, in a stable order, empty parts left out', () => {
    const search = { q: ' joinery ', type: 'VET_PROVIDER', country: '', sector: 'C16' };
    expect(organisationsUrl(search)).toBe('/organisations?q=joinery&type=VET_PROVIDER&sector=C16');
    expect(parseOrganisationSearch(organisationsQuery(search))).toEqual({ ...search, q: 'joinery' });
    expect(communityRoute('/organisations?country=IT&q=wood')).toEqual({ view: 'organisations', search: { ...emptyOrganisationSearch(), q: 'wood', country: 'IT' } });
    expect(organisationsUrl()).toBe('/organisations');
    expect(organisationUrl('a/b')).toBe('/organisations/a%2Fb');
  });

  it('let the people directory filter by the type of organisation', () => {
    const search = { ...emptyDirectorySearch(), q: 'anna', organisationType: 'SME_ASSOCIATION' };
    expect(directoryUrl(search)).toBe('/people?q=anna&organisationType=SME_ASSOCIATION');
    expect(parseDirectorySearch('organisationType=VET_PROVIDER').organisationType).toBe('VET_PROVIDER');
    expect(parseDirectorySearch('q=x').organisationType).toBe('');
  });
});

describe('the organisation form', () => {
  it('goes from an organisation to the form and back without change', () => {
    const { id, profileHtml, people, listed, canEdit, updatedAt, demo, ...input } = view;
    expect(organisationBody(formFromOrganisation(view))).toEqual(input);
  });

  it('sends what is not given as null, trimmed, a region only with its country, each choice once', () => {
    const body = organisationBody({
      ...emptyOrganisationForm(), name: '  Falegnameria Rossi ', type: 'SME', region: 'ITH3', sectors: ['C16', 'C16'], languages: ['it', 'it'],
      profile: '\nWe make windows.\n', website: '  ',
    });
    expect(body).toEqual({
      name: 'Falegnameria Rossi', type: 'SME', country: null, region: null, sectors: ['C16'], languages: ['it'], profile: 'We make windows.',
      website: null,
    });
    const withNulls = { ...view, country: null, region: null, website: null } as OrganisationView;
    expect(formFromOrganisation(withNulls)).toMatchObject({ country: '', region: '', website: '' });
  });

  it('says what the server would refuse before sending it', () => {
    const ok = organisationBody(formFromOrganisation(view));
    expect(organisationProblem(ok)).toBeNull();
    expect(organisationProblem({ ...ok, name: '' })?.key).toBe('organisations.nameMissing');
    expect(organisationProblem({ ...ok, name: 'x'.repeat(201) })?.key).toBe('organisations.nameMissing');
    expect(organisationProblem({ ...ok, type: '' })?.key).toBe('organisations.typeMissing');
    expect(organisationProblem({ ...ok, sectors: Array.from({ length: 11 }, (_, i) => `C${10 + i}`) })?.key).toBe('profile.tooManySectors');
    expect(organisationProblem({ ...ok, languages: Array.from({ length: 11 }, (_, i) => `l${i}`) })?.key).toBe('profile.tooManyLanguages');
    expect(organisationProblem({ ...ok, profile: 'x'.repeat(3001) })?.key).toBe('organisations.profileTooLong');
    expect(organisationProblem({ ...ok, website: 'northfield.example' })?.key).toBe('organisations.websiteInvalid');
    expect(organisationProblem({ ...ok, website: null })).toBeNull();
    const problem = organisationProblem({ ...ok, name: '' })!;
    expect(translator('it')(problem.key, problem.params)).toContain('200');
  });

  it('takes only http and https addresses with a host as a website', () => {
    for (const good of ['https://northfield.example', 'http://x.eu/path?q=1', 'https://example.org/a#b']) expect(isWebAddress(good), good).toBe(true);
    for (const bad of ['javascript:alert(1)', 'ftp://x.eu', 'northfield.example', 'https://', 'https://a b.eu', '', null, undefined, `https://x.eu/${'a'.repeat(500)}`]) {
      expect(isWebAddress(bad), String(bad)).toBe(false);
    }
  });

  it('clears the region when the country changes to one it is not in', () => {
    const form = { ...emptyOrganisationForm(), country: 'IT', region: 'ITH3' };
    expect(organisationWithCountry(form, 'AT', regionCountry).region).toBe('');
    expect(organisationWithCountry(form, 'IT', regionCountry).region).toBe('ITH3');
  });

  it('offers the first profile to the organisation’s own people and platform admins', () => {
    const me = { organisation: 'northfield-vet-college', roles: ['participant'] };
    expect(mayOfferFirstProfile('northfield-vet-college', me)).toBe(true);
    expect(mayOfferFirstProfile('other-college', me)).toBe(false);
    expect(mayOfferFirstProfile('other-college', { roles: ['admin'] })).toBe(true);
    expect(mayOfferFirstProfile('', { organisation: '', roles: [] })).toBe(false);
    expect(mayWriteFirstProfile(me)).toBe(false);
    expect(mayWriteFirstProfile({ roles: ['FACILITATOR'] })).toBe(true);
    expect(mayWriteFirstProfile({ roles: ['policymaker'] })).toBe(true);
  });
});
