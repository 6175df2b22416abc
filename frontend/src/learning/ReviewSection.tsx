import { useEffect, useState, type FormEvent } from 'react';
import { Choice, TextField } from '../forms/fields';
import { errorMessage, useBusyAction } from '../forms/useBusyAction';
import { useI18n } from '../i18n/i18n';
import type { Announce } from '../library/LibraryPage';
import { LibraryLink } from '../library/LibraryLink';
import { PHASE, SUBMISSION_KIND } from './labels';
import {
  assessPeer, gradePeer, moveReview, openReview, reviewsOf, submitForReview, type EditionView, type ReviewPhase, type RoundView,
  type SubmissionKind,
} from './learningApi';
import { roomUrl } from '../community/communityRoute';

const NEXT: Record<ReviewPhase, ReviewPhase | null> = { SUBMISSION: 'ASSESSMENT', ASSESSMENT: 'GRADING', GRADING: 'CLOSED', CLOSED: null };
const KINDS: SubmissionKind[] = ['BOARD', 'DOCUMENT', 'PRACTICE'];

/**
 * Peer review of an assignment's co-design outputs (docs/learning.md, "Peer review"): facilitators open a round with a
 * rubric and move it through its phases; learners submit a board, a document or a practice, review the submissions
 * they are given, and read what they received once the round closes.
 */
/** @param onChanged called after each change here, so the facilitator's progress view counts it (reviews outstanding) */
export function ReviewSection({ view, navigate, announce, onChanged }: {
  view: EditionView; navigate: (p: string) => void; announce: Announce; onChanged?: () => void;
}) {
  const { t } = useI18n();
  const [rounds, setRounds] = useState<RoundView[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const load = () => reviewsOf(view.edition.id).then(setRounds, (e) => setLoadError(errorMessage(e)));
  useEffect(() => { load(); }, [view.edition.id]);
  const changed = (message: string) => { load(); onChanged?.(); announce(message); };

  return (
    <section className="library-panel reviews" aria-labelledby="reviews-heading">
      <h2 id="reviews-heading">{t('review.heading')}</h2>
      {loadError && <p role="alert" className="error">{t('library.loadFailed', { message: loadError })}</p>}
      {rounds.length === 0 && <p className="muted">{t('review.none')}</p>}
      {rounds.map((r) => <Round key={r.round.id} view={view} round={r} navigate={navigate} changed={changed} />)}
      {view.facilitating && <OpenRound view={view} onOpened={() => changed(t('review.opened'))} />}
    </section>
  );
}

function Round({ view, round: r, navigate, changed }: { view: EditionView; round: RoundView; navigate: (p: string) => void; changed: (m: string) => void }) {
  const { t } = useI18n();
  const { busy, error, run } = useBusyAction();
  const e = view.edition;
  const next = NEXT[r.round.phase];
  const enrolled = view.mine?.status === 'ENROLLED';
  return (
    <article className="review-round" data-round={r.round.id} data-phase={r.round.phase} aria-labelledby={`round-${r.round.id}`}>
      <h3 id={`round-${r.round.id}`}>{r.round.title} <span className="badge">{t(PHASE[r.round.phase])}</span></h3>
      <p className="muted small">{t('review.facts', { submissions: r.submissions, reviewers: r.round.reviewersPerSubmission })}</p>
      <ul className="small">{r.round.rubric.map((c) => <li key={c.id}>{t('review.criterion', { text: c.text, max: c.maxPoints })}</li>)}</ul>

      {enrolled && r.round.phase === 'SUBMISSION' && <SubmitForm view={view} round={r} onDone={() => changed(t('review.submitted'))} />}
      {r.mine && r.round.phase !== 'SUBMISSION' && <p>{t('review.yourSubmission', { kind: t(SUBMISSION_KIND[r.mine.kind]), ref: r.mine.ref })}</p>}
      {r.toReview.map((item, i) => (
        <AssessForm key={item.authorId} view={view} round={r} index={i + 1} item={item} navigate={navigate}
          onDone={() => changed(t('review.assessed'))} />
      ))}
      {r.round.phase === 'CLOSED' && r.mine && (
        <div className="review-received">
          <h4>{t('review.received')}</h4>
          <ul>{r.received.map((a, i) => <li key={i}>{t('review.receivedOne', { total: a.total, max: r.round.rubric.reduce((s, c) => s + c.maxPoints, 0) })} {a.comment}</li>)}</ul>
          {r.myGrade && <p className="review-grade"><strong>{t('review.yourGrade', { grade: r.myGrade.grade || t('review.noGrade') })}</strong></p>}
        </div>
      )}

      {r.all && r.round.phase === 'GRADING' && r.all.grades.map((g) => (
        <GradeForm key={g.authorId} view={view} round={r} authorId={g.authorId} name={g.name} points={g.points} max={g.maxPoints}
          reviews={g.reviews} current={g.grade} onDone={() => changed(t('review.graded', { name: g.name }))} />
      ))}
      {view.facilitating && next && (
        <div className="row">
          <button type="button" className="review-next" disabled={busy}
            onClick={() => run(() => moveReview(e.id, r.round.id, next), () => changed(t('review.moved', { phase: t(PHASE[next]) })))}>
            {t('review.moveTo', { phase: t(PHASE[next]) })}
          </button>
        </div>
      )}
      {error && <p role="alert" className="error">{t('library.saveFailed', { message: error })}</p>}
    </article>
  );
}

function SubmitForm({ view, round: r, onDone }: { view: EditionView; round: RoundView; onDone: () => void }) {
  const { t } = useI18n();
  const F = `submit-${r.round.id.slice(0, 8)}`;
  const [kind, setKind] = useState<SubmissionKind>(r.mine?.kind ?? 'BOARD');
  const [ref, setRef] = useState(r.mine?.ref ?? '');
  const [note, setNote] = useState(r.mine?.note ?? '');
  const { busy, error, run } = useBusyAction();
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    await run(() => submitForReview(view.edition.id, r.round.id, { kind, ref, note }), onDone);
  };
  return (
    <form className="stack review-submit" aria-label={t('review.submitFor', { title: r.round.title })} onSubmit={submit}>
      <Choice form={F} name="kind" placeholder={t('library.choose')} label={t('review.field.kind')} value={kind} required
        options={KINDS.map((k) => ({ value: k, label: t(SUBMISSION_KIND[k]) }))} onChange={(v) => setKind(v as SubmissionKind)} />
      <TextField form={F} name="ref" label={kind === 'PRACTICE' ? t('review.field.link') : t('learning.field.roomId')} value={ref} max={2000} required
        hint={kind === 'PRACTICE' ? undefined : t('learning.hint.roomId')} onChange={setRef} />
      <TextField form={F} name="note" label={t('review.field.note')} value={note} max={4000} multiline onChange={setNote} />
      {error && <p role="alert" className="error">{t('library.saveFailed', { message: error })}</p>}
      <div className="row"><button type="submit" className="primary" disabled={busy}>{t(r.mine ? 'review.resubmit' : 'review.submit')}</button></div>
    </form>
  );
}

function AssessForm({ view, round: r, index, item, navigate, onDone }: {
  view: EditionView; round: RoundView; index: number; item: RoundView['toReview'][number]; navigate: (p: string) => void; onDone: () => void;
}) {
  const { t } = useI18n();
  const F = `assess-${r.round.id.slice(0, 8)}-${index}`;
  const [scores, setScores] = useState<Record<string, string>>(
    Object.fromEntries(r.round.rubric.map((c) => [c.id, item.mine ? String(item.mine.scores[c.id] ?? '') : ''])));
  const [comment, setComment] = useState(item.mine?.comment ?? '');
  const { busy, error, run } = useBusyAction();
  const open = r.round.phase === 'ASSESSMENT';
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    await run(() => assessPeer(view.edition.id, r.round.id, item.authorId,
      Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, Number(v)])), comment), onDone);
  };
  const label = t('review.submissionN', { n: index });
  return (
    <form className="stack review-assess" data-author={item.authorId} aria-label={label} onSubmit={submit}>
      <h4>{label}: {t(SUBMISSION_KIND[item.kind])}</h4>
      {item.kind === 'PRACTICE'
        ? <a href={item.ref} target="_blank" rel="noopener noreferrer">{t('review.openSubmission', { n: index })}</a>
        : <LibraryLink href={roomUrl(item.ref)} navigate={navigate}>{t('review.openSubmission', { n: index })}</LibraryLink>}
      {item.note && <p>{item.note}</p>}
      {r.round.rubric.map((c) => (
        <TextField key={c.id} form={F} name={c.id} type="number" label={t('review.criterion', { text: c.text, max: c.maxPoints })} value={scores[c.id]}
          required onChange={(v) => setScores((s) => ({ ...s, [c.id]: v }))} />
      ))}
      <TextField form={F} name="comment" label={t('review.field.comment')} value={comment} max={4000} multiline onChange={setComment} />
      {error && <p role="alert" className="error">{t('library.saveFailed', { message: error })}</p>}
      {open && <div className="row"><button type="submit" className="primary" disabled={busy}>{t(item.mine ? 'review.reassess' : 'review.assess')}</button></div>}
      {item.mine && <p className="muted small">{t('review.assessedAlready')}</p>}
    </form>
  );
}

function GradeForm({ view, round: r, authorId, name, points, max, reviews, current, onDone }: {
  view: EditionView; round: RoundView; authorId: string; name: string; points: number; max: number; reviews: number; current: string;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [grade, setGrade] = useState(current);
  const { busy, error, run } = useBusyAction();
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    await run(() => gradePeer(view.edition.id, r.round.id, authorId, grade), onDone);
  };
  return (
    <form className="row review-grade-form" data-author={authorId} aria-label={t('review.gradeFor', { name })} onSubmit={submit}>
      <span>{t('review.points', { name, points, max, reviews })}</span>
      <TextField form={`grade-${authorId.slice(0, 12)}`} name="grade" label={t('review.gradeFor', { name })} value={grade} max={40} required onChange={setGrade} />
      <button type="submit" disabled={busy}>{t('review.saveGrade')}</button>
      {error && <span role="alert" className="error">{error}</span>}
    </form>
  );
}

function OpenRound({ view, onOpened }: { view: EditionView; onOpened: () => void }) {
  const { t } = useI18n();
  const F = 'review-new';
  const assignments = view.edition.calendar.filter((i) => i.kind === 'ASSIGNMENT');
  // The first assignment until one is chosen (the calendar may get its first one after this form appeared).
  const [itemId, setItemId] = useState('');
  const chosen = itemId || assignments[0]?.id || '';
  const [title, setTitle] = useState('');
  const [lines, setLines] = useState([{ text: '', maxPoints: '5' }, { text: '', maxPoints: '5' }]);
  const [reviewers, setReviewers] = useState('2');
  const { busy, error, run } = useBusyAction();
  if (assignments.length === 0) return <p className="muted small">{t('review.needsAssignment')}</p>;
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    await run(() => openReview(view.edition.id, {
      itemId: chosen, title, reviewersPerSubmission: Number(reviewers),
      rubric: lines.filter((l) => l.text.trim()).map((l) => ({ text: l.text, maxPoints: Number(l.maxPoints) })),
    }), () => { setTitle(''); onOpened(); });
  };
  const setLine = (i: number, field: 'text' | 'maxPoints', v: string) => setLines((all) => all.map((l, j) => (j === i ? { ...l, [field]: v } : l)));
  return (
    <form className="stack review-open" aria-labelledby="review-new-heading" onSubmit={submit}>
      <h3 id="review-new-heading">{t('review.open')}</h3>
      <Choice form={F} name="item" placeholder={t('library.choose')} label={t('review.field.assignment')} value={chosen} required
        options={assignments.map((a) => ({ value: a.id, label: a.title }))} onChange={setItemId} />
      <TextField form={F} name="title" label={t('review.field.title')} value={title} max={200} required onChange={setTitle} />
      {lines.map((l, i) => (
        <div className="row" key={i}>
          <TextField form={F} name={`criterion${i + 1}`} label={t('review.field.criterion', { n: i + 1 })} value={l.text} max={200} required={i === 0}
            onChange={(v) => setLine(i, 'text', v)} />
          <TextField form={F} name={`points${i + 1}`} type="number" label={t('review.field.points', { n: i + 1 })} value={l.maxPoints}
            onChange={(v) => setLine(i, 'maxPoints', v)} />
        </div>
      ))}
      <Choice form={F} name="reviewers" placeholder={t('library.choose')} label={t('review.field.reviewers')} value={reviewers} required
        options={['1', '2', '3', '4', '5'].map((n) => ({ value: n, label: n }))} onChange={setReviewers} />
      {error && <p role="alert" className="error">{t('library.saveFailed', { message: error })}</p>}
      <div className="row"><button type="submit" className="primary" disabled={busy}>{t('review.openButton')}</button></div>
    </form>
  );
}
