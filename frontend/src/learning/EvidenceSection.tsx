import { useEffect, useState, type FormEvent } from 'react';
import { Choice, MultiChoice, TextField } from '../forms/fields';
import { errorMessage, useBusyAction } from '../forms/useBusyAction';
import { useI18n } from '../i18n/i18n';
import type { Announce } from '../library/LibraryPage';
import { EVIDENCE_KIND, EVIDENCE_STATUS } from './labels';
import {
  assessEvidence, certifyEvidence, documentEvidence, evidenceOf, identifyEvidence, type EditionView, type Evidence, type EvidenceKind,
  type Programme,
} from './learningApi';

const KINDS: EvidenceKind[] = ['COMMUNITY_WORKSHOP', 'PEER_COUNSELLING', 'PUBLISHED_PRACTICE', 'WORK_BASED', 'OTHER'];

/**
 * Informal learning (docs/learning.md, "Validating informal learning"): an enrolled learner identifies what they
 * learned against a module's outcomes and documents it; the edition's facilitators assess it (validated, or more
 * asked) and certify it, which puts the module's credits on the record as recognised learning.
 */
export function EvidenceSection({ view, programme, announce }: { view: EditionView; programme: Programme; announce: Announce }) {
  const { t } = useI18n();
  const e = view.edition;
  const [items, setItems] = useState<Evidence[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const load = () => evidenceOf(e.id).then(setItems, (err) => setLoadError(errorMessage(err)));
  useEffect(() => { load(); }, [e.id]);
  const enrolled = view.mine?.status === 'ENROLLED';

  return (
    <section className="library-panel evidence" aria-labelledby="evidence-heading">
      <h2 id="evidence-heading">{t('evidence.heading')}</h2>
      <p className="muted small">{t('evidence.intro')}</p>
      {loadError && <p role="alert" className="error">{t('library.loadFailed', { message: loadError })}</p>}
      {items.length === 0 && <p className="muted">{t('evidence.none')}</p>}
      <ul className="learning-list evidence-list">
        {items.map((item) => (
          <EvidenceItem key={item.id} item={item} view={view} programme={programme}
            onChanged={(changed, message) => { setItems((all) => all.map((x) => (x.id === changed.id ? changed : x))); announce(message); }} />
        ))}
      </ul>
      {enrolled && <IdentifyForm view={view} programme={programme} onAdded={(added) => { setItems((all) => [added, ...all]); announce(t('evidence.identified')); }} />}
    </section>
  );
}

function EvidenceItem({ item, view, programme, onChanged }: {
  item: Evidence; view: EditionView; programme: Programme; onChanged: (e: Evidence, message: string) => void;
}) {
  const { t } = useI18n();
  const [description, setDescription] = useState(item.description);
  const [link, setLink] = useState(item.link ?? '');
  const [note, setNote] = useState('');
  const { busy, error, run } = useBusyAction();
  const mine = view.mine?.learnerId === item.learnerId;
  const lastNote = [...item.steps].reverse().find((s) => s.note)?.note;
  const module = programme.modules.find((m) => m.id === item.moduleId)?.title ?? item.moduleId;
  const F = `evidence-${item.id.slice(0, 8)}`;

  const document = async (ev: FormEvent) => {
    ev.preventDefault();
    await run(() => documentEvidence(view.edition.id, item.id, description, link), (d) => onChanged(d, t('evidence.documented')));
  };
  return (
    <li data-evidence={item.id} data-status={item.status}>
      <strong>{item.title}</strong> <span className="badge">{t(EVIDENCE_STATUS[item.status])}</span>
      <div className="muted small">
        {t('evidence.facts', { name: item.learnerName, kind: t(EVIDENCE_KIND[item.kind]), module, hours: item.hours })}
      </div>
      <ul>{item.outcomes.map((o) => <li key={o}>{o}</li>)}</ul>
      {item.description && <p>{item.description}</p>}
      {item.link && <p><a href={item.link} target="_blank" rel="noopener noreferrer">{t('evidence.openLink', { title: item.title })}</a></p>}
      {lastNote && <p className="evidence-note"><strong>{t('evidence.note')}</strong> {lastNote}</p>}

      {mine && (item.status === 'IDENTIFIED' || item.status === 'MORE_ASKED') && (
        <form className="stack evidence-document" aria-label={t('evidence.documentFor', { title: item.title })} onSubmit={document}>
          <TextField form={F} name="description" label={t('evidence.field.description')} value={description} max={4000} multiline required
            hint={t('evidence.hint.description')} onChange={setDescription} />
          <TextField form={F} name="link" label={t('evidence.field.link')} value={link} max={2000} onChange={setLink} />
          <div className="row"><button type="submit" className="primary" disabled={busy}>{t('evidence.submit')}</button></div>
        </form>
      )}

      {view.facilitating && item.status === 'DOCUMENTED' && (
        <div className="stack evidence-assess">
          <TextField form={F} name="note" label={t('evidence.field.note')} value={note} max={4000} multiline hint={t('evidence.hint.note')}
            onChange={setNote} />
          <div className="row">
            <button type="button" className="primary validate" disabled={busy}
              onClick={() => run(() => assessEvidence(view.edition.id, item.id, true, note), (d) => onChanged(d, t('evidence.validated')))}>
              {t('evidence.validate', { title: item.title })}
            </button>
            <button type="button" className="ask-more" disabled={busy}
              onClick={() => run(() => assessEvidence(view.edition.id, item.id, false, note), (d) => onChanged(d, t('evidence.moreAsked')))}>
              {t('evidence.askMore', { title: item.title })}
            </button>
          </div>
        </div>
      )}
      {view.facilitating && item.status === 'VALIDATED' && (
        <div className="row">
          <button type="button" className="primary certify" disabled={busy}
            onClick={() => run(() => certifyEvidence(view.edition.id, item.id), (d) => onChanged(d, t('evidence.certified', { name: item.learnerName })))}>
            {t('evidence.certify', { title: item.title })}
          </button>
        </div>
      )}
      {error && <p role="alert" className="error">{t('library.saveFailed', { message: error })}</p>}
    </li>
  );
}

function IdentifyForm({ view, programme, onAdded }: { view: EditionView; programme: Programme; onAdded: (e: Evidence) => void }) {
  const { t } = useI18n();
  const F = 'evidence-new';
  const [moduleId, setModuleId] = useState(programme.modules[0]?.id ?? '');
  const [kind, setKind] = useState<EvidenceKind>('COMMUNITY_WORKSHOP');
  const [title, setTitle] = useState('');
  const [outcomes, setOutcomes] = useState<string[]>([]);
  const [hours, setHours] = useState('');
  const { busy, error, run } = useBusyAction();
  const module = programme.modules.find((m) => m.id === moduleId);
  const options = module ? [...module.outcomes.knowledge, ...module.outcomes.skills, ...module.outcomes.responsibilityAndAutonomy] : [];

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    await run(() => identifyEvidence(view.edition.id, { moduleId, kind, title, outcomes, hours: Number(hours) }), (added) => {
      setTitle('');
      setOutcomes([]);
      setHours('');
      onAdded(added);
    });
  };
  return (
    <form className="stack evidence-form" aria-labelledby="evidence-new-heading" onSubmit={submit}>
      <h3 id="evidence-new-heading">{t('evidence.new')}</h3>
      <Choice form={F} name="module" placeholder={t('library.choose')} label={t('learning.module')} value={moduleId} required
        options={programme.modules.map((m) => ({ value: m.id, label: m.title }))} onChange={(v) => { setModuleId(v); setOutcomes([]); }} />
      <Choice form={F} name="kind" placeholder={t('library.choose')} label={t('evidence.field.kind')} value={kind} required
        options={KINDS.map((k) => ({ value: k, label: t(EVIDENCE_KIND[k]) }))} onChange={(v) => setKind(v as EvidenceKind)} />
      <TextField form={F} name="title" label={t('evidence.field.title')} value={title} max={200} required onChange={setTitle} />
      <MultiChoice form={F} name="outcomes" label={t('evidence.field.outcomes')} values={outcomes} max={60}
        options={options.map((o) => ({ value: o, label: o }))} size={Math.min(8, Math.max(3, options.length))} onChange={setOutcomes} />
      <TextField form={F} name="hours" type="number" label={t('evidence.field.hours')} value={hours} required onChange={setHours} />
      {error && <p role="alert" className="error">{t('library.saveFailed', { message: error })}</p>}
      <div className="row"><button type="submit" className="primary" disabled={busy}>{t('evidence.identify')}</button></div>
    </form>
  );
}
