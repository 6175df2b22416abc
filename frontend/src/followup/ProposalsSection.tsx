import { useCallback, useEffect, useState } from 'react';
import { answerProposal, createProposal, publishProposal, roomPeople, roomProposals, type Proposal, type ProposalStatus } from '../app/api';
import { useI18n, type MessageKey } from '../i18n/i18n';
import type { WorkshopModel, WorkshopSnapshot } from '../workshop/model';

const ANSWERS: ProposalStatus[] = ['ACCEPTED', 'PARTLY_ACCEPTED', 'NOT_ACCEPTED', 'IN_PROGRESS', 'DONE'];

interface Props {
  roomId: string;
  model: WorkshopModel;
  s: WorkshopSnapshot;
}

/**
 * Follow-up (docs/dialogue.md, "Follow-up"): a facilitator turns the session's output into a proposal to a
 * policymaker who took part, with the statements behind it; the policymaker answers here and updates it over time;
 * everyone sees where each proposal stands, and the facilitator publishes it on a public tracking page.
 */
export function ProposalsSection({ roomId, model, s }: Props) {
  const { t } = useI18n();
  const [proposals, setProposals] = useState<Proposal[]>([]);
  const [people, setPeople] = useState<{ id: string; name: string }[]>([]);
  const [said, setSaid] = useState('');
  const [draft, setDraft] = useState({ title: '', text: '', addressee: '', statements: [] as string[] });
  const fac = model.facilitator;
  const me = model.actor.userId;

  const load = useCallback(() => {
    roomProposals(roomId).then(setProposals, (e) => setSaid(String(e?.message ?? e)));
  }, [roomId]);
  const loadPeople = useCallback(() => {
    if (fac) roomPeople(roomId).then((list) => setPeople(list.filter((p) => p.id !== me)), () => {});
  }, [fac, roomId, me]);
  // Read again when the server says they changed (workshop/proposalsChanged); an answer given through another room
  // server does not say so here, so every 30 s too while the tab is on screen.
  useEffect(() => {
    load();
    loadPeople();
    const every = setInterval(() => { if (document.visibilityState === 'visible') load(); }, 30_000);
    return () => clearInterval(every);
  }, [load, loadPeople, s.proposalsChanged]);
  const act = (work: () => Promise<unknown>, done: string) => {
    work().then(() => { setSaid(done); load(); }, (e) => setSaid(String(e?.message ?? e)));
  };
  if (!fac && proposals.length === 0) return null;

  return (
    <section aria-labelledby="ws-proposals">
      <h2 id="ws-proposals">{t('followup.heading')}</h2>
      {fac && (
        <form className="proposal-form" onSubmit={(e) => {
          e.preventDefault();
          act(() => createProposal(roomId, draft), t('followup.sent'));
          setDraft({ title: '', text: '', addressee: '', statements: [] });
        }}>
          <label>{t('followup.title')}<input name="proposal-title" value={draft.title} maxLength={200} required
            onChange={(e) => setDraft({ ...draft, title: e.target.value })} /></label>
          <label>{t('followup.text')}<textarea name="proposal-text" value={draft.text} maxLength={4000}
            onChange={(e) => setDraft({ ...draft, text: e.target.value })} /></label>
          <label>{t('followup.addressee')}
            <select name="proposal-addressee" value={draft.addressee} required onFocus={loadPeople}
              onChange={(e) => setDraft({ ...draft, addressee: e.target.value })}>
              <option value="">{t('followup.pickAddressee')}</option>
              {people.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
            </select></label>
          {s.statements.filter((x) => !x.hidden).length > 0 && (
            <fieldset>
              <legend>{t('followup.behind')}</legend>
              {s.statements.filter((x) => !x.hidden).map((x) => (
                <label key={x.id}><input type="checkbox" name={`proposal-statement-${x.id}`} checked={draft.statements.includes(x.id)}
                  onChange={(e) => setDraft({ ...draft, statements: e.target.checked ? [...draft.statements, x.id] : draft.statements.filter((i) => i !== x.id) })} />
                  {' '}{x.text}</label>
              ))}
            </fieldset>
          )}
          <button type="submit" disabled={!draft.title.trim() || !draft.addressee}>{t('followup.send')}</button>
        </form>
      )}
      <ul className="proposals">
        {proposals.map((p) => (
          <li key={p.id} data-status={p.status}>
            <strong>{p.title}</strong> → {p.addresseeName}: <span className="badge">{t(`followup.status.${p.status}` as MessageKey)}</span>
            {p.text && <p>{p.text}</p>}
            {p.evidence.length > 0 && (
              <ul className="evidence" aria-label={t('followup.behind')}>
                {p.evidence.map((e) => <li key={e.statement}>{e.text} <span className="muted">({t('followup.votes', { agree: e.agree, disagree: e.disagree, pass: e.pass })})</span></li>)}
              </ul>
            )}
            {p.answers.map((a) => (
              <p key={a.at} className="answer"><strong>{a.byName}</strong>, {t(`followup.status.${a.status}` as MessageKey)}: {a.text}
                {a.actions && <> {t('followup.actions')}: {a.actions}</>}</p>
            ))}
            {p.addressee === me && <AnswerForm onSend={(a) => act(() => answerProposal(p.id, a), t('followup.answered'))} />}
            {fac && (
              <p>
                {/* A button, not a checkbox: the server says when it is published (the request may take a moment). */}
                <button type="button" name={`proposal-publish-${p.id}`} aria-pressed={p.published}
                  onClick={() => act(() => publishProposal(p.id, !p.published), t('followup.saved'))}>
                  {p.published ? t('followup.unpublish') : t('followup.publish')}</button>
                {p.published && <> <a href={`/track/${p.id}`}>{t('followup.publicPage')}</a></>}
              </p>
            )}
          </li>
        ))}
      </ul>
      <p role="status" className="muted">{said}</p>
    </section>
  );
}

function AnswerForm({ onSend }: { onSend: (a: { status: ProposalStatus; text: string; actions: string }) => void }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<ProposalStatus>('ACCEPTED');
  const [text, setText] = useState('');
  const [actions, setActions] = useState('');
  return (
    <form className="proposal-answer" onSubmit={(e) => { e.preventDefault(); onSend({ status, text, actions }); setText(''); setActions(''); }}>
      <label>{t('followup.yourAnswer')}
        <select name="answer-status" value={status} onChange={(e) => setStatus(e.target.value as ProposalStatus)}>
          {ANSWERS.map((a) => <option key={a} value={a}>{t(`followup.status.${a}` as MessageKey)}</option>)}
        </select></label>
      <label>{t('followup.reasons')}<textarea name="answer-text" value={text} required maxLength={4000} onChange={(e) => setText(e.target.value)} /></label>
      <label>{t('followup.actions')}<textarea name="answer-actions" value={actions} maxLength={4000} onChange={(e) => setActions(e.target.value)} /></label>
      <button type="submit" disabled={!text.trim()}>{t('followup.answer')}</button>
    </form>
  );
}
