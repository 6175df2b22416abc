import { useEffect, useState, type FormEvent } from 'react';
import { TextField } from '../forms/fields';
import { LoadingPanel } from '../forms/LoadingPanel';
import { errorMessage as message, useBusyAction } from '../forms/useBusyAction';
import { useI18n } from '../i18n/i18n';
import type { Announce } from '../library/LibraryPage';
import { LibraryLink } from '../library/LibraryLink';
import { languageName } from '../library/reference';
import type { SetHeading } from './CommunitiesPage';
import { flagPost, followThread, getThread, moderateThread, postReply, type FlagInput, type ModerationInput, type Thread } from './communitiesApi';
import { COMMUNITY_LIMITS, hideReplyBody, hideThreadBody, lockBody, replyText } from './communitiesForm';
import { communityUrl } from './communitiesRoute';
import { FlagControl, FlagsBadge, replyCountText, StateBadges, When } from './Discussion';

/**
 * One discussion: its opening post and replies (HTML the server rendered from the members' Markdown, raw HTML
 * escaped there), a reply form while it is open, "Report" on every post, and for moderators lock and hide (the
 * discussion, or one reply). Hidden posts reach moderators only, marked as hidden.
 */
export function ThreadPage({ slug, id, navigate, announce, setHeading }: {
  slug: string; id: string; navigate: (p: string) => void; announce: Announce; setHeading: SetHeading;
}) {
  const { t, language } = useI18n();
  const [thread, setThread] = useState<Thread | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const { busy, error, run } = useBusyAction();

  useEffect(() => {
    getThread(id).then(setThread, (e) => setLoadError(message(e)));
  }, [id]);

  const title = thread?.title;
  useEffect(() => {
    if (title) setHeading(title);
  }, [title, setHeading]);

  const back = communityUrl(thread?.communitySlug || slug);
  const backLink = <p><LibraryLink href={back} navigate={navigate}>{t('discussion.back')}</LibraryLink></p>;

  if (!thread) {
    return (
      <LoadingPanel error={loadError}>
        {backLink}
      </LoadingPanel>
    );
  }

  /** Runs one change; the answer replaces the discussion and the status region says what happened. */
  const act = (what: () => Promise<Thread>, done: string) => run(what, (changed) => {
    setThread(changed);
    announce(done);
  });
  const moderate = (body: ModerationInput, done: string) => act(() => moderateThread(thread.id, body), done);
  const flag = (body: FlagInput) => act(() => flagPost(thread.id, body), t('discussion.reported'));
  const follow = (on: boolean) => act(() => followThread(thread.id, on), t(on ? 'discussion.followingNow' : 'discussion.notFollowingNow'));

  const th = thread;
  return (
    <div className="discussion" data-thread={th.id}>
      {backLink}
      {error && <p role="alert" className="error">{t('library.actionFailed', { message: error })}</p>}
      <article className={`library-panel discussion-thread${th.hidden ? ' discussion-hidden' : ''}`} data-locked={th.locked} data-hidden={th.hidden}>
        <p className="muted small discussion-byline">
          {t('discussion.startedBy', { name: th.author.name })} · <When iso={th.createdAt} />
          {' · '}<span>{languageName(th.language, language)}</span>
          <StateBadges locked={th.locked} hidden={th.hidden} />
          {th.canModerate && <FlagsBadge flags={th.flags} />}
        </p>
        <p className="row discussion-follow">
          <button type="button" name="follow" aria-pressed={!!th.following} disabled={busy} aria-describedby="discussion-follow-hint"
            onClick={() => void follow(!th.following)}>{t('discussion.follow')}</button>
          <span id="discussion-follow-hint" className="muted small">{t(th.following ? 'discussion.followingHint' : 'discussion.followHint')}</span>
        </p>
        {th.canModerate && (
          <div className="row discussion-moderation" role="group" aria-label={t('discussion.moderation')}>
            <button type="button" name="lock" aria-pressed={th.locked} disabled={busy}
              onClick={() => void moderate(lockBody(!th.locked), t(th.locked ? 'discussion.unlockedNow' : 'discussion.lockedNow'))}>
              {t('discussion.lock')}</button>
            <button type="button" name="hide" aria-pressed={th.hidden} disabled={busy}
              onClick={() => void moderate(hideThreadBody(!th.hidden), t(th.hidden ? 'discussion.shownNow' : 'discussion.hiddenNow'))}>
              {t('discussion.hideThread')}</button>
          </div>
        )}
        <div className="discussion-body" lang={th.language} dangerouslySetInnerHTML={{ __html: th.bodyHtml }} />
        <FlagControl what={t('discussion.reportWhatThread', { title: th.title })} busy={busy} onFlag={(body) => flag(body)} />
      </article>

      <section className="library-panel" aria-labelledby="discussion-replies">
        <h2 id="discussion-replies">{replyCountText(th.replies.length, t)}</h2>
        {th.replies.length > 0 && (
          <ol className="discussion-replies">
            {th.replies.map((r) => {
              const who = r.author.name;
              return (
                <li key={r.id} className={`discussion-reply${r.hidden ? ' discussion-hidden' : ''}`} data-reply={r.id} data-hidden={r.hidden}>
                  <p className="discussion-byline">
                    <strong>{who}</strong> <span className="muted small"><When iso={r.createdAt} /></span>
                    <StateBadges hidden={r.hidden} />
                    {th.canModerate && <FlagsBadge flags={r.flags} />}
                  </p>
                  <div className="discussion-body" dangerouslySetInnerHTML={{ __html: r.bodyHtml }} />
                  <div className="row discussion-post-actions">
                    <FlagControl what={t('discussion.reportWhatReply', { name: who })} busy={busy}
                      onFlag={(body) => flag({ ...body, replyId: r.id })} />
                    {th.canModerate && (
                      <button type="button" name="hide" aria-pressed={r.hidden} disabled={busy}
                        onClick={() => void moderate(hideReplyBody(r.id, !r.hidden), t(r.hidden ? 'discussion.replyShownNow' : 'discussion.replyHiddenNow'))}>
                        {t('discussion.hideReply')}<span className="sr-only"> {t('discussion.byName', { name: who })}</span></button>
                    )}
                  </div>
                </li>
              );
            })}
          </ol>
        )}
      </section>

      <section className="library-panel" aria-labelledby="discussion-reply-heading">
        <h2 id="discussion-reply-heading">{t('discussion.yourReply')}</h2>
        {th.locked && <p className="discussion-locked-note">{t(th.canReply ? 'discussion.lockedModerators' : 'discussion.lockedNote')}</p>}
        {th.canReply
          ? <ReplyForm busy={busy} onReply={(body) => act(() => postReply(th.id, body), t('discussion.replied'))} />
          : !th.locked && <p className="muted">{t('discussion.membersReply')}</p>}
      </section>
    </div>
  );
}

function ReplyForm({ busy, onReply }: { busy: boolean; onReply: (body: string) => Promise<boolean> }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = replyText(text);
    setProblem(!body);
    if (body && (await onReply(body))) setText('');
  };
  return (
    <form className="reply-form stack" onSubmit={submit} noValidate>
      <TextField form="reply" name="body" label={t('discussion.field.reply')} value={text} max={COMMUNITY_LIMITS.reply} required multiline rows={5}
        hint={t('discussion.hint.markdown')} onChange={setText} />
      {problem && <p role="alert" className="error">{t('discussion.problem.reply')}</p>}
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>{t('discussion.postReply')}</button>
      </div>
    </form>
  );
}
