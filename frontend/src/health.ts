/** What the lobby shows about the platform's own state, derived from /actuator/health. */
export type PlatformStatus = 'up' | 'degraded' | 'down';

export function platformStatus(health: unknown): PlatformStatus {
  if (typeof health !== 'object' || health === null) return 'down';
  const status = (health as { status?: unknown }).status;
  if (status === 'UP') return 'up';
  if (status === 'DOWN' || status === 'OUT_OF_SERVICE') return 'down';
  return 'degraded';
}
