import { useEffect, useState } from 'react';
import { errorMessage, useBusyAction } from '../forms/useBusyAction';
import { useI18n } from '../i18n/i18n';
import {
  assembleDossier, attendanceConsent, dossierFileUrl, dossiersOf, saveDecisions, sendDossier, setAttendanceConsent, type Decision, type Dossier,
} from './historyApi';

/**
 * A room's session dossiers (docs/rooms.md, "Session dossier"): each version with its files for everyone on the
 * room's list; for facilitators, ending the session (assembling a new version), editing a draft's decisions and
 * action items, and sending it to everyone who took part.
 */
export function DossierSection({ roomId, facilitating, announce, onChanged }: {
  roomId: string; facilitating: boolean; announce: (text: string) => void; onChanged?: () => void;
}) {
  const { t, language } = useI18n();
  const [dossiers, setDossiers] = useState<Dossier[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const { busy, error, run } = useBusyAction();
  const load = () => dossiersOf(roomId).then((all) => { setDossiers(all); onChanged?.(); }, (e) => setLoadError(errorMessage(e)));
  const [consented, setConsented] = useState<boolean | null>(null);
  useEffect(() => {
    load();
    attendanceConsent(roomId).then((c) => setConsented(c.consented), () => setConsented(null));
  }, [roomId]);
  const when = (iso: string) => new Date(iso).toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <section className="library-panel dossiers" aria-labelledby="dossiers-heading">
      <h2 id="dossiers-heading">{t('dossier.heading')}</h2>
      {loadError && <p role="alert" className="error">{t('library.loadFailed', { message: loadError })}</p>}
      {consented !== null && (
        <p className="attendance-consent">
          <input id="attendance-consent" type="checkbox" checked={consented} disabled={busy}
            onChange={(e) => {
              const want = e.target.checked;
              void run(() => setAttendanceConsent(roomId, want), (c) => {
                setConsented(c.consented);
                announce(t(c.consented ? 'attendance.saved' : 'attendance.withdrawn'));
              });
            }} />{' '}
          <label htmlFor="attendance-consent">{t('attendance.consent')}</label>
        </p>
      )}
      {facilitating && (
        <p>
          <button type="button" className="primary dossier-assemble" disabled={busy}
            onClick={() => run(() => assembleDossier(roomId), (d) => { load(); announce(t('dossier.assembled', { version: d.version })); })}>
            {t('dossier.assemble')}
          </button>
        </p>
      )}
      {error && <p role="alert" className="error">{t('library.saveFailed', { message: error })}</p>}
      {dossiers && dossiers.length === 0 && <p className="muted">{t('dossier.none')}</p>}
      {dossiers?.map((d) => (
        <article key={d.version} id={`dossier-${d.version}`} className="dossier" data-version={d.version} data-status={d.status}
          aria-labelledby={`dossier-${d.version}-title`}>
          <h3 id={`dossier-${d.version}-title`}>
            {t('dossier.version', { version: d.version, date: when(d.createdAt), name: d.createdBy })}{' '}
            <span className="badge">{d.status === 'SENT' ? t('dossier.sent', { date: when(d.sentAt ?? d.createdAt) }) : t('dossier.draft')}</span>
          </h3>
          <ul className="dossier-files">
            {d.files.map((f) => <li key={f.name}><a href={dossierFileUrl(roomId, d.version, f.name)} download>{f.name}</a></li>)}
          </ul>
          {facilitating && d.status === 'DRAFT'
            ? <DecisionsForm dossier={d} roomId={roomId} onSaved={() => { load(); announce(t('dossier.saved')); }}
                onSent={() => { load(); announce(t('dossier.sentNow')); }} />
            : d.decisions.length > 0 && (
              <ul className="dossier-decisions">
                {d.decisions.map((x, i) => <li key={i}>{x.text}{x.owner ? ` (${x.owner}${x.due ? `, ${x.due}` : ''})` : ''}</li>)}
              </ul>
            )}
        </article>
      ))}
    </section>
  );
}

function DecisionsForm({ dossier, roomId, onSaved, onSent }: { dossier: Dossier; roomId: string; onSaved: () => void; onSent: () => void }) {
  const { t } = useI18n();
  const [rows, setRows] = useState<Decision[]>(dossier.decisions.length > 0 ? dossier.decisions : [{ text: '', owner: null, due: null }]);
  const { busy, error, run } = useBusyAction();
  const set = (i: number, field: keyof Decision, value: string) =>
    setRows((all) => all.map((r, j) => (j === i ? { ...r, [field]: value || null, ...(field === 'text' ? { text: value } : {}) } : r)));
  const filled = rows.filter((r) => r.text.trim() !== '');
  const id = (i: number, f: string) => `dossier-${dossier.version}-${f}-${i}`;
  return (
    <form className="stack decisions-form" aria-label={t('dossier.decisions')} onSubmit={(e) => {
      e.preventDefault();
      void run(() => saveDecisions(roomId, dossier.version, filled), onSaved);
    }}>
      <h4>{t('dossier.decisions')}</h4>
      {rows.map((r, i) => (
        <fieldset key={i} className="row decision-row">
          <legend className="sr-only">{t('dossier.decisionNumber', { n: i + 1 })}</legend>
          <label htmlFor={id(i, 'text')}>{t('dossier.text')}</label>
          <input id={id(i, 'text')} name="text" value={r.text} maxLength={500} onChange={(e) => set(i, 'text', e.target.value)} />
          <label htmlFor={id(i, 'owner')}>{t('dossier.owner')}</label>
          <input id={id(i, 'owner')} name="owner" value={r.owner ?? ''} maxLength={100} onChange={(e) => set(i, 'owner', e.target.value)} />
          <label htmlFor={id(i, 'due')}>{t('dossier.due')}</label>
          <input id={id(i, 'due')} name="due" type="date" value={r.due ?? ''} onChange={(e) => set(i, 'due', e.target.value)} />
        </fieldset>
      ))}
      <div className="row">
        <button type="button" onClick={() => setRows((all) => [...all, { text: '', owner: null, due: null }])}>{t('dossier.addDecision')}</button>
        <button type="submit" disabled={busy}>{t('dossier.save')}</button>
        <button type="button" className="primary dossier-send" disabled={busy}
          onClick={() => run(() => saveDecisions(roomId, dossier.version, filled).then(() => sendDossier(roomId, dossier.version)), onSent)}>
          {t('dossier.send')}
        </button>
      </div>
      {error && <p role="alert" className="error">{t('library.saveFailed', { message: error })}</p>}
    </form>
  );
}
