import { useState } from 'react';
import { GlyphLabel } from '../app/GlyphLabel';
import { askAnonymously } from '../app/api';
import { useI18n } from '../i18n/i18n';
import { phaseAllows, type Question, type WorkshopModel, type WorkshopSnapshot } from './model';

interface Props {
  roomId: string;
  model: WorkshopModel;
  s: WorkshopSnapshot;
  names: (id: string) => string;
  attempt: (fn: () => void) => void;
}

/**
 * Moderated questions: anyone with a voice asks, upvotes (once) and answers; facilitators pin, mark answered, dismiss
 * and merge duplicates (the server holds moderation as theirs: docs/rooms.md, "Document schemas").
 */
export function QuestionsSection({ roomId, model, s, names, attempt }: Props) {
  const { t } = useI18n();
  const [question, setQuestion] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [said, setSaid] = useState('');
  const fac = model.facilitator;
  // The phase may close questions for a while (docs/rooms.md, "Phases"): the server refuses them, the view says so.
  const writes = model.actor.role !== 'observer' && phaseAllows(s, model.actor.role, 'ask');
  const shown = s.questions.filter((q) => !q.mergedInto);
  const merged = s.questions.filter((q) => q.mergedInto);

  return (
    <section aria-labelledby="ws-questions">
      <h2 id="ws-questions">{t('workshop.questions')}</h2>
      {writes && (
        <form className="row" onSubmit={(e) => {
          e.preventDefault();
          const text = question.trim();
          if (!text) return;
          if (anonymous && s.anonymousQuestions) askAnonymously(roomId, text).then(() => setSaid(''), (err) => setSaid(String(err?.message ?? err)));
          else attempt(() => model.ask(text));
          setQuestion('');
        }}>
          <label className="grow"><span className="sr-only">{t('workshop.askPlaceholder')}</span>
            <input value={question} placeholder={t('workshop.askPlaceholder')} onChange={(e) => setQuestion(e.target.value)} /></label>
          <button type="submit">{t('workshop.ask')}</button>
          {s.anonymousQuestions && !fac && (
            <label><input type="checkbox" name="ask-anonymously" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} /> {t('workshop.askAnonymously')}</label>
          )}
        </form>
      )}
      {fac && (
        <label><input type="checkbox" name="allow-anonymous-questions" checked={s.anonymousQuestions}
          onChange={(e) => attempt(() => model.setAnonymousQuestions(e.target.checked))} /> {t('workshop.allowAnonymousQuestions')}</label>
      )}
      {said && <p role="alert" className="error">{said}</p>}
      {shown.length === 0 && <p className="muted">{t('workshop.noQuestions')}</p>}
      <ul className="questions">
        {shown.map((q) => <QuestionItem key={q.id} q={q} others={shown.filter((o) => o.id !== q.id)} model={model} names={names} attempt={attempt} writes={writes}
          mergedHere={merged.filter((m) => m.mergedInto === q.id).length} />)}
      </ul>
    </section>
  );
}

function QuestionItem({ q, others, model, names, attempt, mergedHere, writes }: {
  q: Question; others: Question[]; model: WorkshopModel; names: (id: string) => string; attempt: (fn: () => void) => void; mergedHere: number;
  /** May this person ask, answer and upvote now (their role and the phase)? */
  writes: boolean;
}) {
  const { t } = useI18n();
  const [answering, setAnswering] = useState(false);
  const [answer, setAnswer] = useState('');
  const me = model.actor.userId;
  const fac = model.facilitator;
  const labelled = `q-${q.id}`;

  return (
    <li className={`question ${q.status}${q.pinned ? ' pinned' : ''}`}>
      <button type="button" className={`upvote${q.upvotes.includes(me) ? ' active' : ''}`} aria-pressed={q.upvotes.includes(me)}
        disabled={!writes} onClick={() => attempt(() => model.toggleUpvote(q.id))}>
        <GlyphLabel glyph={`▲ ${q.upvotes.length}`} label={`${t('workshop.upvote')}: ${t('workshop.upvotes', { count: q.upvotes.length })}`} />
      </button>
      <span id={labelled}>{q.text}</span> <span className="muted">— {q.owner === 'anonymous' ? t('workshop.anonymousBadge') : names(q.owner)}</span>
      {q.pinned && <span className="badge">{t('workshop.pinned')}</span>}
      {q.status !== 'open' && <span className="badge">{t(q.status === 'answered' ? 'workshop.answered' : 'workshop.dismissed')}</span>}
      {mergedHere > 0 && <span className="muted"> {t('workshop.mergedHere', { count: mergedHere })}</span>}
      {q.answers.length > 0 && (
        <ul className="answers" aria-label={t('workshop.answersTo', { question: q.text })}>
          {q.answers.map((a) => <li key={a.id}>{a.text} <span className="muted">— {names(a.owner)}</span></li>)}
        </ul>
      )}
      <span className="item-actions">
        {writes && <button type="button" className="link" aria-expanded={answering} onClick={() => setAnswering((x) => !x)}>{t('workshop.answer')}</button>}
        {fac && (
          <>
            <button type="button" className="link" aria-pressed={q.pinned} onClick={() => attempt(() => model.pinQuestion(q.id, !q.pinned))}>
              {t(q.pinned ? 'workshop.unpin' : 'workshop.pin')}</button>
            {q.status !== 'answered' && <button type="button" className="link" onClick={() => attempt(() => model.setQuestionStatus(q.id, 'answered'))}>{t('workshop.markAnswered')}</button>}
            {q.status !== 'dismissed' && <button type="button" className="link" onClick={() => attempt(() => model.setQuestionStatus(q.id, 'dismissed'))}>{t('workshop.dismiss')}</button>}
            {q.status !== 'open' && <button type="button" className="link" onClick={() => attempt(() => model.setQuestionStatus(q.id, 'open'))}>{t('workshop.reopen')}</button>}
            {others.length > 0 && (
              <label className="merge">
                <span className="sr-only">{t('workshop.mergeInto', { question: q.text })}</span>
                <select value="" onChange={(e) => e.target.value && attempt(() => model.mergeQuestion(q.id, e.target.value))}>
                  <option value="">{t('workshop.mergeIntoShort')}</option>
                  {others.map((o) => <option key={o.id} value={o.id}>{o.text.slice(0, 60)}</option>)}
                </select>
              </label>
            )}
          </>
        )}
      </span>
      {answering && (
        <form className="row" onSubmit={(e) => {
          e.preventDefault();
          if (answer.trim()) attempt(() => model.answer(q.id, answer.trim()));
          setAnswer('');
          setAnswering(false);
        }}>
          <label className="grow"><span className="sr-only">{t('workshop.answerTo', { question: q.text })}</span>
            <input value={answer} autoFocus placeholder={t('workshop.answerPlaceholder')} onChange={(e) => setAnswer(e.target.value)}
              onKeyDown={(e) => { if (e.key === 'Escape') setAnswering(false); }} /></label>
          <button type="submit">{t('workshop.sendAnswer')}</button>
        </form>
      )}
    </li>
  );
}
