import type { Practice, PracticeFields, PracticeLink } from './libraryApi';

/**
 * The practice form's state: every field as the text its control holds (a select's "" is "not chosen"), turned
 * into the body the server takes only on submit. The server validates everything again and its message is shown;
 * the limits here only let the form stop a text before the server would refuse it.
 */
export const LIMITS = { title: 200, summary: 1000, text: 20000, links: 10 } as const;

/** The four long texts of a practice, in the order an author writes them. */
export const TEXT_FIELDS = ['problem', 'approach', 'results', 'evidence'] as const;

/** Every field of the body (PracticeFields) as the text its control holds, the links as their rows. */
export type PracticeForm = Record<Exclude<keyof PracticeFields, 'links'>, string> & { links: PracticeLink[] };

/** A new practice: in the author's language, with one empty link row to fill in. */
export function emptyForm(language: string): PracticeForm {
  return {
    title: '', summary: '', problem: '', approach: '', results: '', evidence: '',
    sector: '', eqfLevel: '', country: '', region: '', language, organisation: '', organisationType: '',
    links: [{ label: '', url: '' }],
  };
}

export function formFromPractice(p: Practice): PracticeForm {
  return {
    title: p.title ?? '', summary: p.summary ?? '',
    problem: p.problem ?? '', approach: p.approach ?? '', results: p.results ?? '', evidence: p.evidence ?? '',
    sector: p.sector ?? '', eqfLevel: p.eqfLevel == null ? '' : String(p.eqfLevel),
    country: p.country ?? '', region: p.region ?? '', language: p.language ?? '',
    organisation: p.organisation ?? '', organisationType: p.organisationType ?? '',
    links: p.links?.length ? p.links.map((l) => ({ label: l.label, url: l.url })) : [{ label: '', url: '' }],
  };
}

/** The body of POST/PUT: optional choices as null, short texts trimmed, link rows left entirely empty dropped. */
export function practiceBody(form: PracticeForm): PracticeFields {
  const level = Number.parseInt(form.eqfLevel, 10);
  return {
    title: form.title.trim(),
    summary: form.summary.trim(),
    problem: form.problem,
    approach: form.approach,
    results: form.results,
    evidence: form.evidence,
    sector: form.sector,
    eqfLevel: Number.isFinite(level) ? level : null,
    country: form.country,
    region: form.region || null,
    language: form.language,
    organisation: form.organisation.trim(),
    organisationType: form.organisationType,
    links: form.links
      .map((l) => ({ label: l.label.trim(), url: l.url.trim() }))
      .filter((l) => l.label !== '' || l.url !== ''),
  };
}

/** A new country makes a region of another country meaningless: it is cleared. */
export function withCountry(form: PracticeForm, country: string, regionCountry: (code: string) => string | undefined): PracticeForm {
  const keep = form.region !== '' && regionCountry(form.region) === country;
  return { ...form, country, region: keep ? form.region : '' };
}

/**
 * Whether an author's link may be an href: http(s) only. Anything else (javascript:, data:, a typo) is shown as
 * text, so a practice cannot carry script into the reader's session.
 */
export function isWebAddress(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:';
  } catch {
    return false;
  }
}
