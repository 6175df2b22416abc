import { useEffect, useState } from 'react';
import { connectHelpAfterMs } from './connection';

/** True once {@code waiting} has held for connectHelpAfterMs without a break (the room then explains what to try). */
export function useStuck(waiting: boolean): boolean {
  const [stuck, setStuck] = useState(false);
  useEffect(() => {
    setStuck(false);
    if (!waiting) return undefined;
    const timer = setTimeout(() => setStuck(true), connectHelpAfterMs());
    return () => clearTimeout(timer);
  }, [waiting]);
  return stuck && waiting;
}
