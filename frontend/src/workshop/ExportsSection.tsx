import { useI18n, type MessageKey } from '../i18n/i18n';

/** What a room's export offers (docs/rooms.md, "Exports"): each dataset as CSV (a spreadsheet) or JSON. */
const DATASETS: { name: string; label: MessageKey }[] = [
  { name: 'notes', label: 'export.notes' },
  { name: 'questions', label: 'export.questions' },
  { name: 'answers', label: 'export.answers' },
  { name: 'statements', label: 'export.statements' },
  { name: 'polls', label: 'export.polls' },
];

/** The room's content as files to take away, for everyone on its list: links the browser downloads. */
export function ExportsSection({ roomId }: { roomId: string }) {
  const { t } = useI18n();
  const base = `/api/rooms/${encodeURIComponent(roomId)}/export`;
  return (
    <section aria-labelledby="ws-exports" className="exports">
      <h2 id="ws-exports">{t('export.heading')}</h2>
      <p className="muted small">{t('export.hint')}</p>
      <ul>
        {DATASETS.map((d) => (
          <li key={d.name}>
            {t(d.label)}:{' '}
            <a href={`${base}/${d.name}.csv`} download aria-label={t('export.as', { what: t(d.label), format: 'CSV' })}>CSV</a>
            {' · '}
            <a href={`${base}/${d.name}.json`} download aria-label={t('export.as', { what: t(d.label), format: 'JSON' })}>JSON</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
