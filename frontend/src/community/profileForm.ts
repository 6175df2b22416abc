import { VISIBILITY_FIELDS, type Profile, type ProfileInput, type Visibility, type VisibilityField } from './communityApi';

/**
 * The profile form's state: texts as their controls hold them (expertise as one comma-separated line, a select's
 * "" for "not chosen"), turned into the server's body only on submit. The server checks everything again; the
 * limits here let the form say what is too long before it is sent.
 */
export const PROFILE_LIMITS = { headline: 200, bio: 2000, expertise: 20, tag: 60, sectors: 10, languages: 10 } as const;

export interface ProfileForm {
  headline: string;
  bio: string;
  expertise: string;
  sectors: string[];
  languages: string[];
  country: string;
  region: string;
  listed: boolean;
  availableForCounselling: boolean;
  emailInvitations: boolean;
  emailDigest: boolean;
  visibility: Record<VisibilityField, Visibility>;
}

/** Everything shown to members by default: a person hides what they choose. */
export function defaultVisibility(): Record<VisibilityField, Visibility> {
  return Object.fromEntries(VISIBILITY_FIELDS.map((f) => [f, 'MEMBERS'])) as Record<VisibilityField, Visibility>;
}

export function emptyProfileForm(): ProfileForm {
  return {
    headline: '', bio: '', expertise: '', sectors: [], languages: [], country: '', region: '',
    listed: false, availableForCounselling: false, emailInvitations: true, emailDigest: true, visibility: defaultVisibility(),
  };
}

/** "apprenticeship, , Mentoring,mentoring " → ["apprenticeship", "Mentoring"]: trimmed, empty and repeated dropped. */
export function splitTags(text: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of text.split(',')) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    const key = tag.toLocaleLowerCase();
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  return tags;
}

export const joinTags = (tags: readonly string[] | undefined) => (tags ?? []).join(', ');

export function formFromProfile(p: Profile): ProfileForm {
  return {
    headline: p.headline ?? '',
    bio: p.bio ?? '',
    expertise: joinTags(p.expertise),
    sectors: [...(p.sectors ?? [])],
    languages: [...(p.languages ?? [])],
    country: p.country ?? '',
    region: p.region ?? '',
    listed: !!p.listed,
    availableForCounselling: !!p.availableForCounselling,
    // Both e-mails are on until the person turns them off: a profile that does not say (an older server) is on.
    emailInvitations: p.emailInvitations !== false,
    emailDigest: p.emailDigest !== false,
    // A field the server does not name (an older profile) is shown to members, as a new profile's would be.
    visibility: { ...defaultVisibility(), ...(p.visibility ?? {}) },
  };
}

export function profileBody(form: ProfileForm): ProfileInput {
  return {
    headline: form.headline.trim(),
    bio: form.bio.trim(),
    expertise: splitTags(form.expertise),
    sectors: [...new Set(form.sectors)],
    languages: [...new Set(form.languages)],
    country: form.country || null,
    region: form.country && form.region ? form.region : null,
    listed: form.listed,
    availableForCounselling: form.availableForCounselling,
    emailInvitations: form.emailInvitations,
    emailDigest: form.emailDigest,
    visibility: { ...form.visibility },
  };
}

/** What the server would refuse for being too many or too long, as a message key and its values; null when fine. */
export type Problem = { key: 'profile.tooManyTags' | 'profile.tagTooLong' | 'profile.tooManySectors' | 'profile.tooManyLanguages'; params: Record<string, string | number> };

export function profileProblem(body: ProfileInput): Problem | null {
  if (body.expertise.length > PROFILE_LIMITS.expertise) return { key: 'profile.tooManyTags', params: { max: PROFILE_LIMITS.expertise } };
  const long = body.expertise.find((tag) => tag.length > PROFILE_LIMITS.tag);
  if (long) return { key: 'profile.tagTooLong', params: { tag: long, max: PROFILE_LIMITS.tag } };
  if (body.sectors.length > PROFILE_LIMITS.sectors) return { key: 'profile.tooManySectors', params: { max: PROFILE_LIMITS.sectors } };
  if (body.languages.length > PROFILE_LIMITS.languages) return { key: 'profile.tooManyLanguages', params: { max: PROFILE_LIMITS.languages } };
  return null;
}

/** A new country makes a region of another country meaningless: it is cleared. */
export function profileWithCountry(form: ProfileForm, country: string, regionCountry: (code: string) => string | undefined): ProfileForm {
  const keep = form.region !== '' && regionCountry(form.region) === country;
  return { ...form, country, region: keep ? form.region : '' };
}
