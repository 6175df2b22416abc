import { useI18n, type MessageKey } from '../i18n/i18n';

/** What a room's export offers (docs/rooms.md, "Exports"): each dataset as CSV (a spreadsheet) or JSON. */
const DATASETS: { name: string; label: MessageKey }[] = [
  { name: 'notes', label: 'export.notes' },
  { name: 'questions', label: 'export.questions' },
  { name: 'answers', label: 'export.answers' },
  { name: 'statements', label: 'export.statements' },
  { name: 'polls', label: 'export.polls' },
  // Only of those who agreed to be listed (docs/rooms.md, "Attendance").
  { name: 'attendance', label: 'export.attendance' },
];

/** The board and the document as the server draws them (docs/rooms.md, "Renders"): pictures, print and text files. */
const RENDERS: { name: string; label: MessageKey; formats: [string, string][] }[] = [
  { name: 'board', label: 'export.board', formats: [['svg', 'SVG'], ['png', 'PNG'], ['pdf', 'PDF']] },
  { name: 'notes', label: 'export.document', formats: [['md', 'Markdown'], ['html', 'HTML'], ['pdf', 'PDF']] },
];

/** The room's content as files to take away, for everyone on its list: links the browser downloads. */
export function ExportsSection({ roomId }: { roomId: string }) {
  const { t } = useI18n();
  const base = `/api/rooms/${encodeURIComponent(roomId)}/export`;
  return (
    <section aria-labelledby="ws-exports" className="exports">
      <h2 id="ws-exports">{t('export.heading')}</h2>
      <p className="muted small">{t('export.hint')}</p>
      <ul className="renders">
        {RENDERS.map((r) => (
          <li key={r.name}>
            {t(r.label)}:{' '}
            {r.formats.map(([ext, format], i) => (
              <span key={ext}>
                {i > 0 && ' · '}
                <a href={`${base}/${r.name}.${ext}`} download aria-label={t('export.as', { what: t(r.label), format })}>{format}</a>
              </span>
            ))}
          </li>
        ))}
      </ul>
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
