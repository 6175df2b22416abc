import { useEffect, useRef, useState } from 'react';
import { live } from '../app/live';
import type { Notification } from './communityApi';
import { liveNotification } from './notifications';

/**
 * The top bar's count of notifications heard live (app/live.ts) since the person last looked at their list, and the
 * newest one, which the top bar announces to screen readers. Reading the list clears the count.
 */
export function useUnreadNotifications(signedIn: boolean, reading: boolean): { unread: number; latest: Notification | null } {
  const [unread, setUnread] = useState(0);
  const [latest, setLatest] = useState<Notification | null>(null);
  const readingNow = useRef(reading);
  readingNow.current = reading;
  useEffect(() => {
    if (reading) setUnread(0);
  }, [reading]);
  useEffect(() => {
    if (!signedIn) return undefined;
    const seen = new Set<string>();
    return live.on('notification', (data) => {
      const n = liveNotification(data);
      if (!n || seen.has(n.id)) return;
      seen.add(n.id);
      setLatest(n);
      if (!readingNow.current) setUnread((u) => u + 1);
    });
  }, [signedIn]);
  return { unread, latest };
}
