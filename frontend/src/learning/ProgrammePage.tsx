import { useEffect, useState } from 'react';
import type { Me } from '../app/api';
import { LoadingPanel } from '../forms/LoadingPanel';
import { errorMessage, useBusyAction } from '../forms/useBusyAction';
import { useI18n } from '../i18n/i18n';
import type { Announce } from '../library/LibraryPage';
import { LibraryLink } from '../library/LibraryLink';
import { EditionForm, ModuleForm } from './ProgrammeForms';
import { POLICY, STATUS } from './labels';
import { credits, enrol, getProgramme, programmeEditions, publishProgramme, type EditionView, type Programme, type ProgrammeModule } from './learningApi';
import { editionUrl, LEARNING_PATH } from './learningRoute';

/**
 * One programme: its modules with their outcomes and credits, its editions (enrol from here); for its coordinators
 * (and admins) the forms that add a module, publish it and open an edition. The server decides who may: the page
 * only offers what it would accept.
 */
export function ProgrammePage({ id, me, navigate, announce, setHeading }: {
  id: string; me: Me; navigate: (p: string) => void; announce: Announce; setHeading: (text: string) => void;
}) {
  const { t, language } = useI18n();
  const [programme, setProgramme] = useState<Programme | null>(null);
  const [editions, setEditions] = useState<EditionView[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const { busy, error, run } = useBusyAction();

  const loadEditions = () => programmeEditions(id).then(setEditions, (e) => setLoadError(errorMessage(e)));
  useEffect(() => {
    getProgramme(id).then((p) => {
      setProgramme(p);
      setHeading(p.title);
      if (p.status === 'PUBLISHED') loadEditions();
    }, (e) => setLoadError(errorMessage(e)));
  }, [id, setHeading]);

  const back = <p><LibraryLink href={LEARNING_PATH} navigate={navigate}>{t('learning.all')}</LibraryLink></p>;
  if (!programme) return <LoadingPanel error={loadError}>{back}</LoadingPanel>;
  const coordinator = programme.coordinators.some((c) => c.id === me.id) || me.roles.includes('admin');
  const total = programme.modules.reduce((s, m) => s + m.ectsCredits, 0);
  const totalEcvet = programme.modules.reduce((s, m) => s + m.ecvetPoints, 0);

  return (
    <div className="programme-page" data-programme={programme.id}>
      {back}
      <section className="library-panel" aria-labelledby="programme-about">
        <h2 id="programme-about">{t('learning.about')}</h2>
        {programme.demo && <p><span className="badge demo">{t('library.demo')}</span></p>}
        {programme.summary && <p>{programme.summary}</p>}
        <dl className="learning-facts">
          <dt>{t('learning.organisation')}</dt><dd>{programme.organisation ?? '—'}</dd>
          <dt>{t('learning.coordinators')}</dt><dd>{programme.coordinators.map((c) => c.name).join(', ')}</dd>
          <dt>{t('learning.credits')}</dt>
          <dd>{t('learning.creditsTotal', { ects: credits(total, language), ecvet: credits(totalEcvet, language), hours: programme.hoursPerCredit })}</dd>
          <dt>{t('learning.state')}</dt><dd>{t(programme.status === 'DRAFT' ? 'learning.draft' : 'learning.published')}</dd>
        </dl>
        {coordinator && programme.status === 'DRAFT' && (
          <div className="row">
            <button type="button" className="primary publish-programme" disabled={busy || programme.modules.length === 0}
              onClick={() => run(() => publishProgramme(programme.id), (p) => {
                setProgramme(p);
                loadEditions();
                announce(t('learning.publishedNow'));
              })}>{t('learning.publish')}</button>
            {programme.modules.length === 0 && <span className="muted small">{t('learning.publishNeedsModule')}</span>}
          </div>
        )}
        {error && <p role="alert" className="error">{t('library.saveFailed', { message: error })}</p>}
      </section>

      <section className="library-panel" aria-labelledby="programme-modules">
        <h2 id="programme-modules">{t('learning.modules')}</h2>
        {programme.modules.length === 0 && <p className="muted">{t('learning.noModules')}</p>}
        {programme.modules.map((m) => <ModuleView key={m.id} module={m} all={programme.modules} />)}
      </section>

      {coordinator && <ModuleForm programme={programme} onAdded={(p) => { setProgramme(p); announce(t('learning.moduleAdded')); }} />}

      {programme.status === 'PUBLISHED' && (
        <section className="library-panel" aria-labelledby="programme-editions">
          <h2 id="programme-editions">{t('learning.editions')}</h2>
          {editions.length === 0 && <p className="muted">{t('learning.noEditionsYet')}</p>}
          <ul className="learning-list">
            {editions.map((v) => (
              <li key={v.edition.id} data-edition={v.edition.id}>
                <LibraryLink href={editionUrl(v.edition.id)} navigate={navigate}>{v.edition.title}</LibraryLink>{' '}
                <span className="muted small">
                  {t('learning.editionFacts', {
                    starts: new Date(v.edition.starts).toLocaleDateString(language), ends: new Date(v.edition.ends).toLocaleDateString(language),
                    taken: v.seatsTaken, capacity: v.edition.capacity, policy: t(POLICY[v.edition.enrolment]),
                  })}
                </span>
                {v.mine && v.mine.status !== 'WITHDRAWN' ? <span className="badge" data-status={v.mine.status}>{t(STATUS[v.mine.status])}</span> : (
                  <button type="button" className="enrol" disabled={busy}
                    onClick={() => run(() => enrol(v.edition.id), (e) => {
                      loadEditions();
                      announce(t('learning.enrolled', { status: t(STATUS[e.status]) }));
                    })}>{t('learning.enrol', { title: v.edition.title })}</button>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      {coordinator && programme.status === 'PUBLISHED' && (
        <EditionForm programme={programme} onOpened={(e) => { loadEditions(); announce(t('learning.editionOpened'), editionUrl(e.id)); navigate(editionUrl(e.id)); }} />
      )}
    </div>
  );
}

function ModuleView({ module: m, all }: { module: ProgrammeModule; all: ProgrammeModule[] }) {
  const { t, language } = useI18n();
  const descriptors = [
    ['learning.knowledge', m.outcomes.knowledge], ['learning.skills', m.outcomes.skills], ['learning.autonomy', m.outcomes.responsibilityAndAutonomy],
  ] as const;
  return (
    <article className="learning-module" data-module={m.id} aria-labelledby={`module-${m.id}`}>
      <h3 id={`module-${m.id}`}>{m.title}</h3>
      <p className="muted small">
        {t('learning.moduleFacts', { eqf: m.eqfLevel, hours: m.workloadHours, ects: credits(m.ectsCredits, language), ecvet: credits(m.ecvetPoints, language) })}
      </p>
      {m.description && <p>{m.description}</p>}
      {descriptors.filter(([, items]) => items.length > 0).map(([key, items]) => (
        <div key={key}>
          <h4>{t(key)}</h4>
          <ul>{items.map((o) => <li key={o}>{o}</li>)}</ul>
        </div>
      ))}
      {m.assessment.length > 0 && <p><strong>{t('learning.assessment')}</strong> {m.assessment.join('; ')}</p>}
      {m.prerequisites.length > 0 && (
        <p><strong>{t('learning.prerequisites')}</strong> {m.prerequisites.map((p) => all.find((x) => x.id === p)?.title ?? p).join('; ')}</p>
      )}
    </article>
  );
}
