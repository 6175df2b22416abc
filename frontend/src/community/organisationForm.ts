import type { OrganisationInput, OrganisationView } from './communityApi';

/**
 * The organisation form's state: texts as their controls hold them (a select's "" for "not chosen"), turned into
 * the server's body only on submit. The server checks everything again; the limits here let the form say what it
 * would refuse before it is sent.
 */
export const ORGANISATION_LIMITS = { name: 200, profile: 3000, sectors: 10, languages: 10, website: 500 } as const;

/** Who, besides the server's own `canEdit`, may write the first profile of their organisation (with a platform admin). */
export const FIRST_PROFILE_ROLES = ['facilitator', 'policymaker', 'admin'] as const;

export interface OrganisationForm {
  name: string;
  type: string;
  country: string;
  region: string;
  sectors: string[];
  languages: string[];
  profile: string;
  website: string;
}

export function emptyOrganisationForm(): OrganisationForm {
  return { name: '', type: '', country: '', region: '', sectors: [], languages: [], profile: '', website: '' };
}

export function formFromOrganisation(o: OrganisationView): OrganisationForm {
  return {
    name: o.name ?? '',
    type: o.type ?? '',
    country: o.country ?? '',
    region: o.region ?? '',
    sectors: [...(o.sectors ?? [])],
    languages: [...(o.languages ?? [])],
    profile: o.profile ?? '',
    website: o.website ?? '',
  };
}

export function organisationBody(form: OrganisationForm): OrganisationInput {
  return {
    name: form.name.trim(),
    type: form.type,
    country: form.country || null,
    region: form.country && form.region ? form.region : null,
    sectors: [...new Set(form.sectors)],
    languages: [...new Set(form.languages)],
    profile: form.profile.trim(),
    website: form.website.trim() || null,
  };
}

/** Whether a text is an http or https address with a host, as the server accepts for a website. */
export function isWebAddress(text: string | null | undefined): boolean {
  if (!text || text.length > ORGANISATION_LIMITS.website || /\s/.test(text)) return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

export type OrganisationProblem = {
  key: 'organisations.nameMissing' | 'organisations.typeMissing' | 'organisations.websiteInvalid' | 'organisations.profileTooLong'
    | 'profile.tooManySectors' | 'profile.tooManyLanguages';
  params?: Record<string, string | number>;
};

/** What the server would refuse, as a message key and its values; null when fine. */
export function organisationProblem(body: OrganisationInput): OrganisationProblem | null {
  if (!body.name || body.name.length > ORGANISATION_LIMITS.name) return { key: 'organisations.nameMissing', params: { max: ORGANISATION_LIMITS.name } };
  if (!body.type) return { key: 'organisations.typeMissing' };
  if (body.sectors.length > ORGANISATION_LIMITS.sectors) return { key: 'profile.tooManySectors', params: { max: ORGANISATION_LIMITS.sectors } };
  if (body.languages.length > ORGANISATION_LIMITS.languages) return { key: 'profile.tooManyLanguages', params: { max: ORGANISATION_LIMITS.languages } };
  if (body.profile.length > ORGANISATION_LIMITS.profile) return { key: 'organisations.profileTooLong', params: { max: ORGANISATION_LIMITS.profile } };
  if (body.website !== null && !isWebAddress(body.website)) return { key: 'organisations.websiteInvalid' };
  return null;
}

/** A new country makes a region of another country meaningless: it is cleared. */
export function organisationWithCountry(form: OrganisationForm, country: string, regionCountry: (code: string) => string | undefined): OrganisationForm {
  const keep = form.region !== '' && regionCountry(form.region) === country;
  return { ...form, country, region: keep ? form.region : '' };
}

/**
 * Whether the form is offered for an organisation that has no profile yet: to its own people (the server lets its
 * facilitators, policymakers and admins write the first one, and says so to the others) and to platform admins.
 */
export function mayOfferFirstProfile(id: string, me: { organisation?: string | null; roles: readonly string[] }): boolean {
  return (!!me.organisation && me.organisation === id) || me.roles.some((r) => r.toLowerCase() === 'admin');
}

/** Whether my roles let me write my organisation's first profile (the form says who may, before anyone is refused). */
export function mayWriteFirstProfile(me: { roles: readonly string[] }): boolean {
  return me.roles.some((r) => (FIRST_PROFILE_ROLES as readonly string[]).includes(r.toLowerCase()));
}
