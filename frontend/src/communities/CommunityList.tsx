import { useEffect, useState, type FormEvent } from 'react';
import { signIn, type Me } from '../app/api';
import type { CommunityReference } from '../community/communityApi';
import { sectorLabel } from '../community/reasons';
import { Choice, MultiChoice, TextField } from '../forms/fields';
import { languageOptions, sectorGroups } from '../forms/options';
import { errorMessage as message } from '../forms/useBusyAction';
import { useI18n, type MessageKey } from '../i18n/i18n';
import type { Announce } from '../library/LibraryPage';
import { LibraryLink } from '../library/LibraryLink';
import { languageName } from '../library/reference';
import { createCommunity, listCommunities, publicCommunities, type CommunityCard, type CommunityRole, type Joining } from './communitiesApi';
import {
  canCreateCommunity, COMMUNITY_LIMITS, communityBody, communityProblem, emptyCommunityForm, JOINING_MODES, splitCommunities,
  type CommunityForm,
} from './communitiesForm';
import { communityUrl } from './communitiesRoute';

/**
 * Every community: signed in, the reader's own first (with their role in each) and a form to start one for those
 * who may (facilitators, policymakers, admins); signed out, the public list.
 */
export function CommunityList({ me, reference, navigate, announce }: {
  me: Me | null; reference: CommunityReference | null; navigate: (p: string) => void; announce: Announce;
}) {
  const { t } = useI18n();
  const [cards, setCards] = useState<CommunityCard[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const signedIn = !!me;

  useEffect(() => {
    (signedIn ? listCommunities() : publicCommunities()).then(setCards, (e) => setError(message(e)));
  }, [signedIn]);

  const { mine, others } = splitCommunities(cards ?? []);
  const creator = canCreateCommunity(me?.roles);
  const list = (
    <div>
      {error && <p role="alert" className="error">{t('library.loadFailed', { message: error })}</p>}
      {!cards && !error && <p className="muted">{t('app.loading')}</p>}
      {cards && signedIn && (
        <>
          <section className="library-panel" aria-labelledby="communities-mine">
            <h2 id="communities-mine">{t('communities.mine')}</h2>
            {mine.length === 0 ? <p className="muted">{t('communities.noneMine')}</p> : <Cards cards={mine} reference={reference} navigate={navigate} />}
          </section>
          <section className="library-panel" aria-labelledby="communities-others">
            <h2 id="communities-others">{t('communities.others')}</h2>
            {others.length === 0 ? <p className="muted">{t('communities.noneOthers')}</p> : <Cards cards={others} reference={reference} navigate={navigate} />}
          </section>
        </>
      )}
      {cards && !signedIn && (
        <section className="library-panel" aria-labelledby="communities-all">
          <h2 id="communities-all">{t('communities.all')}</h2>
          {cards.length === 0 ? <p className="muted">{t('communities.none')}</p> : <Cards cards={cards} reference={reference} navigate={navigate} />}
        </section>
      )}
    </div>
  );

  return (
    <>
      <p className="muted">{t('communities.intro')}</p>
      {!signedIn && (
        <p className="row">{t('communities.signInToTakePart')}
          <button type="button" className="link" onClick={() => signIn()}>{t('library.signIn')}</button></p>
      )}
      {creator ? (
        <div className="community-columns">
          {list}
          <NewCommunity reference={reference} navigate={navigate} announce={announce} />
        </div>
      ) : (
        <>
          {signedIn && <p className="muted small communities-who-creates">{t('communities.whoCreates')}</p>}
          {list}
        </>
      )}
    </>
  );
}

function Cards({ cards, reference, navigate }: { cards: CommunityCard[]; reference: CommunityReference | null; navigate: (p: string) => void }) {
  const { t, language } = useI18n();
  return (
    <ul className="library-hits community-cards">
      {cards.map((c) => (
        <li key={c.id} className="library-hit community-card" data-community={c.slug}>
          <h3>
            <LibraryLink href={communityUrl(c.slug)} navigate={navigate}>{c.name}</LibraryLink>
            {c.myRole && <RoleBadge role={c.myRole} />}
            {c.demo && <span className="badge library-demo">{t('library.demo')}</span>}
          </h3>
          {c.summary && <p className="community-summary">{c.summary}</p>}
          <CommunityFacts languages={c.languages} sectors={c.sectors} memberCount={c.memberCount} joining={c.joining} reference={reference}
            language={language} />
        </li>
      ))}
    </ul>
  );
}

/** Languages, sectors, members and how one joins, as a card and a community's home show them. */
export function CommunityFacts({ languages, sectors, memberCount, joining, reference, language }: {
  languages: string[]; sectors: string[]; memberCount: number; joining: Joining; reference: CommunityReference | null; language: string;
}) {
  const { t } = useI18n();
  return (
    <dl className="library-meta">
      {languages.length > 0 && (
        <div><dt>{t('communities.languages')}</dt><dd>{languages.map((l) => languageName(l, language)).join(', ')}</dd></div>
      )}
      {sectors.length > 0 && (
        <div><dt>{t('communities.sectors')}</dt><dd>{sectors.map((s) => sectorLabel(reference, s, language)).join(', ')}</dd></div>
      )}
      <div><dt>{t('communities.membersLabel')}</dt><dd className="community-member-count">{memberCount.toLocaleString(language)}</dd></div>
      <div><dt>{t('communities.joiningLabel')}</dt><dd className="community-joining">{t(`communities.joining.${joining}` as MessageKey)}</dd></div>
    </dl>
  );
}

export function RoleBadge({ role }: { role: Exclude<CommunityRole, null> }) {
  const { t } = useI18n();
  return <span className={`badge community-role community-role-${role.toLowerCase()}`}>{t(`communities.role.${role}` as MessageKey)}</span>;
}

const F = 'community';

function NewCommunity({ reference, navigate, announce }: { reference: CommunityReference | null; navigate: (p: string) => void; announce: Announce }) {
  const { t, language } = useI18n();
  const [form, setForm] = useState<CommunityForm>(() => emptyCommunityForm(language));
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof CommunityForm>(field: K, value: CommunityForm[K]) => setForm((f) => ({ ...f, [field]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const wrong = communityProblem(form);
    setProblem(wrong);
    setSaveError(null);
    if (wrong) return;
    setBusy(true);
    try {
      const created = await createCommunity(communityBody(form));
      const target = communityUrl(created.slug);
      announce(t('communities.created', { name: created.name }), target);
      navigate(target);
    } catch (err) {
      setSaveError(message(err));
      setBusy(false);
    }
  };

  return (
    <section className="library-panel" aria-labelledby="community-form-heading">
      <h2 id="community-form-heading">{t('communities.start')}</h2>
      <p className="muted small">{t('communities.startHint')}</p>
      <form className="community-form stack" onSubmit={submit} noValidate>
        <TextField form={F} name="name" label={t('communities.field.name')} value={form.name} max={COMMUNITY_LIMITS.name} required
          onChange={(v) => set('name', v)} />
        <TextField form={F} name="description" label={t('communities.field.description')} value={form.description}
          max={COMMUNITY_LIMITS.description} required multiline rows={6} hint={t('communities.hint.description')}
          onChange={(v) => set('description', v)} />
        <MultiChoice form={F} name="languages" label={t('communities.languages')} values={form.languages} max={COMMUNITY_LIMITS.languages}
          options={languageOptions(reference, language)} hint={t('communities.hint.languages')} onChange={(v) => set('languages', v)} />
        <MultiChoice form={F} name="sectors" label={t('communities.sectors')} values={form.sectors} max={COMMUNITY_LIMITS.sectors}
          groups={sectorGroups(reference, language, t)} onChange={(v) => set('sectors', v)} />
        <Choice form={F} name="joining" label={t('communities.joiningLabel')} value={form.joining} required placeholder={t('library.choose')}
          options={JOINING_MODES.map((j) => ({ value: j, label: t(`communities.joining.${j}` as MessageKey) }))}
          hint={t(`communities.joiningHint.${form.joining}` as MessageKey)} onChange={(v) => set('joining', (v || 'OPEN') as Joining)} />
        {problem && <p role="alert" className="error">{t(problem)}</p>}
        {saveError && <p role="alert" className="error">{t('library.saveFailed', { message: saveError })}</p>}
        <div className="row">
          <button type="submit" className="primary" disabled={busy}>{t('communities.create')}</button>
        </div>
      </form>
    </section>
  );
}
