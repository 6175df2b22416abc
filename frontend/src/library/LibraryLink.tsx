import type { MouseEvent, ReactNode } from 'react';

/**
 * A link inside the app: an ordinary <a href> (opened in a new tab with a modifier key, copied, read as a link)
 * that moves within the page on a plain click. `onFollow` runs just before, e.g. to move focus afterwards.
 */
export function LibraryLink({ href, navigate, current, className, onFollow, children }: {
  href: string; navigate: (p: string) => void; current?: boolean; className?: string; onFollow?: () => void; children: ReactNode;
}) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    onFollow?.();
    navigate(href);
  };
  return <a href={href} className={className} aria-current={current ? 'page' : undefined} onClick={onClick}>{children}</a>;
}
