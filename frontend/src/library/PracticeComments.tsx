import { useEffect, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/i18n';
import { addComment, deleteComment, getComments, type PracticeComment } from './libraryApi';
import type { Announce } from './LibraryPage';

/** What the server takes at most (community's Comments.MAX_BODY). */
const MAX_BODY = 5_000;

/**
 * Members' comments on a published practice (docs/community.md, "Comments"), oldest first, with a form to add one
 * and, on one's own (or any, for an admin), a button to delete it. The bodies come as HTML the server made safe.
 */
export function PracticeComments({ practiceId, announce }: { practiceId: string; announce: Announce }) {
  const { t, language } = useI18n();
  const [comments, setComments] = useState<PracticeComment[] | null>(null);
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    getComments(practiceId).then((c) => { if (current) setComments(c); },
      (e) => { if (current) setError(e instanceof Error ? e.message : String(e)); });
    return () => { current = false; };
  }, [practiceId]);

  const act = async (what: () => Promise<PracticeComment[]>, said: string) => {
    setBusy(true);
    setError(null);
    try {
      setComments(await what());
      announce(said);
      return true;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim()) return;
    if (await act(() => addComment(practiceId, body), t('library.comments.added'))) setBody('');
  };

  return (
    <section className="practice-comments" aria-labelledby="practice-comments">
      <h3 id="practice-comments">{t('library.comments.heading', { count: comments?.length ?? 0 })}</h3>
      {comments && comments.length === 0 && <p className="muted">{t('library.comments.none')}</p>}
      {comments && comments.length > 0 && (
        <ol className="comments">
          {comments.map((c) => (
            <li key={c.id} className="comment" data-comment={c.id}>
              <p className="muted small">
                {c.author.name} · <time dateTime={c.createdAt}>{new Date(c.createdAt).toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short' })}</time>
                {c.mayDelete && (
                  <> · <button type="button" className="link" name="delete-comment" disabled={busy}
                    onClick={() => act(() => deleteComment(practiceId, c.id), t('library.comments.deleted'))}>{t('library.comments.delete')}</button></>
                )}
              </p>
              <div className="comment-body" dangerouslySetInnerHTML={{ __html: c.bodyHtml }} />
            </li>
          ))}
        </ol>
      )}
      <form className="comment-form stack" onSubmit={submit}>
        <label htmlFor="comment-body">{t('library.comments.label')}</label>
        <textarea id="comment-body" name="comment" rows={3} maxLength={MAX_BODY} value={body} aria-describedby="comment-hint"
          onChange={(e) => setBody(e.target.value)} />
        <p id="comment-hint" className="muted small">{t('library.comments.hint', { max: MAX_BODY })}</p>
        <div className="row">
          <button type="submit" name="add-comment" disabled={busy || !body.trim()}>{t('library.comments.add')}</button>
        </div>
      </form>
      {error && <p role="alert" className="error">{t('library.actionFailed', { message: error })}</p>}
    </section>
  );
}
