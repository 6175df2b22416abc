import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Choice, TextField } from '../forms/fields';
import type { Option } from '../forms/options';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { LibraryLink } from '../library/LibraryLink';
import { languageName } from '../library/reference';
import type { ThreadSummary } from './communitiesApi';
import { COMMUNITY_LIMITS, flagBody, threadBody, threadProblem, type ThreadForm } from './communitiesForm';
import { threadUrl } from './communitiesRoute';

/**
 * The parts of a discussion shared by a community's home and a discussion's page: the list of discussions, the
 * form for a new one, a moment as a <time>, and the "Report" control each post carries.
 */

/** A moment in the reader's language, machine-readable too. */
export function When({ iso, dateOnly }: { iso: string; dateOnly?: boolean }) {
  const { language } = useI18n();
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return <>{iso}</>;
  const text = dateOnly
    ? date.toLocaleDateString(language, { dateStyle: 'long' })
    : date.toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short' });
  return <time dateTime={iso}>{text}</time>;
}

/** The moderators' count of reports waiting on a post; nothing when there are none (or the reader is no moderator). */
export function FlagsBadge({ flags }: { flags: number }) {
  const { t } = useI18n();
  if (!flags) return null;
  return <span className="badge discussion-flags">{t(flags === 1 ? 'discussion.flags.one' : 'discussion.flags.other', { count: flags })}</span>;
}

export function StateBadges({ locked, hidden }: { locked?: boolean; hidden?: boolean }) {
  const { t } = useI18n();
  return (
    <>
      {locked && <span className="badge discussion-locked">{t('discussion.locked')}</span>}
      {hidden && <span className="badge discussion-hidden-badge">{t('discussion.hidden')}</span>}
    </>
  );
}

export function replyCountText(count: number, t: (k: MessageKey, p?: Record<string, string | number>) => string): string {
  if (count === 0) return t('discussion.replies.none');
  return t(count === 1 ? 'discussion.replies.one' : 'discussion.replies.other', { count });
}

/** A community's discussions, newest activity first as the server orders them. */
export function ThreadList({ slug, threads, moderator, navigate }: {
  slug: string; threads: ThreadSummary[]; moderator: boolean; navigate: (p: string) => void;
}) {
  const { t, language } = useI18n();
  return (
    <ul className="thread-list">
      {threads.map((th) => (
        <li key={th.id} className={`thread-summary${th.hidden ? ' discussion-hidden' : ''}`} data-thread={th.id}
          data-flags={moderator ? th.flags : undefined}>
          <div className="thread-title">
            <LibraryLink href={threadUrl(slug, th.id)} navigate={navigate} className="thread-link">{th.title}</LibraryLink>
            <StateBadges locked={th.locked} hidden={th.hidden} />
            {moderator && <FlagsBadge flags={th.flags} />}
          </div>
          <p className="muted small thread-meta">
            <span>{t('discussion.startedBy', { name: th.author.name })}</span>
            {' · '}<span className="thread-language" data-language={th.language}>{languageName(th.language, language)}</span>
            {' · '}<span className="thread-replies">{replyCountText(th.replyCount, t)}</span>
            {' · '}<span className="thread-activity">{t('discussion.lastActivity')} <When iso={th.lastActivityAt} /></span>
          </p>
        </li>
      ))}
    </ul>
  );
}

/** A new discussion: title, text (Markdown) and the language it is written in. */
export function NewThreadForm({ languages, initialLanguage, busy, onSubmit }: {
  languages: Option[]; initialLanguage: string; busy: boolean; onSubmit: (form: ThreadForm) => Promise<boolean>;
}) {
  const { t } = useI18n();
  const [form, setForm] = useState<ThreadForm>({ title: '', body: '', language: initialLanguage });
  const [problem, setProblem] = useState<MessageKey | null>(null);
  // The filter moves the default language until the member picks one.
  const [languageChosen, setLanguageChosen] = useState(false);
  useEffect(() => {
    if (!languageChosen) setForm((f) => ({ ...f, language: initialLanguage }));
  }, [initialLanguage, languageChosen]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const wrong = threadProblem(form);
    setProblem(wrong);
    if (wrong) return;
    if (await onSubmit(threadBody(form))) setForm({ title: '', body: '', language: form.language });
  };
  return (
    <form className="thread-form stack" onSubmit={submit} noValidate>
      <TextField form="thread" name="title" label={t('discussion.field.title')} value={form.title} max={COMMUNITY_LIMITS.threadTitle}
        required onChange={(v) => setForm((f) => ({ ...f, title: v }))} />
      <TextField form="thread" name="body" label={t('discussion.field.body')} value={form.body} max={COMMUNITY_LIMITS.threadBody}
        required multiline rows={6} hint={t('discussion.hint.markdown')} onChange={(v) => setForm((f) => ({ ...f, body: v }))} />
      <Choice form="thread" name="language" label={t('discussion.field.language')} value={form.language} required
        placeholder={t('library.choose')} options={languages}
        onChange={(v) => { setLanguageChosen(true); setForm((f) => ({ ...f, language: v })); }} />
      {problem && <p role="alert" className="error">{t(problem)}</p>}
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>{t('discussion.start')}</button>
      </div>
    </form>
  );
}

/**
 * "Report" on one post: opens a short reason field under it (focus moves there; Cancel or sending brings it back
 * to the button). `what` names the post for screen readers, whose list of buttons would otherwise hold many
 * identical "Report" entries.
 */
export function FlagControl({ what, busy, onFlag }: {
  what: string; busy: boolean; onFlag: (body: { reason: string }) => Promise<boolean>;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const uid = useId().replace(/[^A-Za-z0-9_-]/g, '');
  const form = `flag-${uid}`;
  const panelId = `${form}-panel`;

  useEffect(() => {
    if (open) document.getElementById(`${form}-reason`)?.focus();
  }, [open, form]);

  const close = () => {
    setOpen(false);
    setReason('');
    setProblem(false);
    // After the panel is gone, so that focus is not lost with it.
    setTimeout(() => button.current?.focus(), 0);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = flagBody(reason);
    setProblem(!body);
    if (!body) return;
    if (await onFlag(body)) close();
  };

  return (
    <div className="discussion-flag">
      <button type="button" name="flag" ref={button} className="link" aria-expanded={open} aria-controls={open ? panelId : undefined}
        onClick={() => (open ? close() : setOpen(true))}>
        {t('discussion.report')}<span className="sr-only"> {what}</span>
      </button>
      {open && (
        <form id={panelId} className="flag-form stack" onSubmit={submit} noValidate
          onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); close(); } }}>
          <TextField form={form} name="reason" label={t('discussion.reportReason')} value={reason} max={COMMUNITY_LIMITS.flagReason} required
            hint={t('discussion.reportHint')} onChange={setReason} />
          {problem && <p role="alert" className="error">{t('discussion.problem.reason')}</p>}
          <div className="row">
            <button type="submit" name="send-flag" disabled={busy}>{t('discussion.sendReport')}</button>
            <button type="button" className="link" onClick={close}>{t('discussion.cancel')}</button>
          </div>
        </form>
      )}
    </div>
  );
}
