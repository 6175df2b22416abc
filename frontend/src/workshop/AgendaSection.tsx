import { useState } from 'react';
import { inViewerLanguage } from '../i18n/contentText';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { PHASES, type WorkshopModel, type WorkshopSnapshot } from './model';

/**
 * The agenda: everyone sees the items and which one is under way; facilitators start, edit, reorder, add and remove
 * items (the room server refuses these from anyone else: docs/rooms.md, "Document schemas").
 */
export function AgendaSection({ model, s, attempt }: { model: WorkshopModel; s: WorkshopSnapshot; attempt: (fn: () => void) => void }) {
  const { t } = useI18n();
  const fac = model.facilitator;
  const [title, setTitle] = useState('');
  const [minutes, setMinutes] = useState(10);
  const [editing, setEditing] = useState<number | null>(null);
  const [draft, setDraft] = useState({ title: '', minutes: 10, phase: '' });
  const phaseName = (p: string) => t(`workshop.phase.${p}` as MessageKey);

  return (
    <section aria-labelledby="ws-agenda">
      <h2 id="ws-agenda">{t('workshop.agenda')}</h2>
      <ol className="agenda">
        {s.agenda.map((a, i) => (
          <li key={i} aria-current={s.current === i ? 'step' : undefined} className={s.current === i ? 'current' : ''}>
            {editing === i ? (
              <form className="row" onSubmit={(e) => {
                e.preventDefault();
                if (draft.title.trim()) attempt(() => model.editAgendaItem(i, { title: draft.title.trim(), minutes: draft.minutes, phase: draft.phase || null }));
                setEditing(null);
              }}>
                <label><span className="sr-only">{t('workshop.itemTitle')}</span>
                  <input value={draft.title} autoFocus onChange={(e) => setDraft({ ...draft, title: e.target.value })}
                    onKeyDown={(e) => { if (e.key === 'Escape') setEditing(null); }} /></label>
                <label><span className="sr-only">{t('workshop.minutes')}</span>
                  <input type="number" min={1} max={240} className="narrow" value={draft.minutes}
                    onChange={(e) => setDraft({ ...draft, minutes: Number(e.target.value) || 1 })} /></label>
                <label><span className="sr-only">{t('workshop.phase')}</span>
                  <select value={draft.phase} onChange={(e) => setDraft({ ...draft, phase: e.target.value })}>
                    <option value="">{t('workshop.noPhase')}</option>
                    {PHASES.map((p) => <option key={p} value={p}>{phaseName(p)}</option>)}
                  </select></label>
                <button type="submit">{t('workshop.save')}</button>
                <button type="button" onClick={() => setEditing(null)}>{t('workshop.cancel')}</button>
              </form>
            ) : (
              <>
                <span>{inViewerLanguage(a.title, a.tpl, t)}</span> <span className="muted">{a.minutes}′{a.phase ? ` · ${phaseName(a.phase)}` : ''}</span>
                {s.current === i && <span className="badge">{t('workshop.underWay')}</span>}
                {fac && (
                  <span className="item-actions">
                    <button type="button" className="link" onClick={() => attempt(() => model.startItem(i))}>{t('workshop.startItem')}</button>
                    <button type="button" className="link" onClick={() => {
                      setDraft({ title: inViewerLanguage(a.title, a.tpl, t), minutes: a.minutes, phase: a.phase ?? '' });
                      setEditing(i);
                    }}>{t('workshop.edit')}</button>
                    <button type="button" className="link" disabled={i === 0} onClick={() => attempt(() => model.moveAgendaItem(i, -1))}
                      aria-label={t('workshop.moveUp', { title: inViewerLanguage(a.title, a.tpl, t) })}>↑</button>
                    <button type="button" className="link" disabled={i === s.agenda.length - 1} onClick={() => attempt(() => model.moveAgendaItem(i, 1))}
                      aria-label={t('workshop.moveDown', { title: inViewerLanguage(a.title, a.tpl, t) })}>↓</button>
                    <button type="button" className="link" onClick={() => attempt(() => model.removeAgendaItem(i))}>{t('workshop.remove')}</button>
                  </span>
                )}
              </>
            )}
          </li>
        ))}
      </ol>
      {fac && (
        <form className="row" onSubmit={(e) => {
          e.preventDefault();
          if (title.trim()) attempt(() => model.addAgendaItem(title.trim(), minutes));
          setTitle('');
        }}>
          <label><span className="sr-only">{t('workshop.itemTitle')}</span>
            <input value={title} placeholder={t('workshop.itemTitle')} onChange={(e) => setTitle(e.target.value)} /></label>
          <label><span className="sr-only">{t('workshop.minutes')}</span>
            <input type="number" min={1} max={240} value={minutes} onChange={(e) => setMinutes(Number(e.target.value) || 1)} className="narrow" /></label>
          <button type="submit">{t('workshop.addItem')}</button>
        </form>
      )}
    </section>
  );
}
