/**
 * The room server's notice that it refused an update (rooms/core/RoomDocument.reject): a Hocuspocus stateless
 * message with JSON {type: "vetnet.rejected", document, reason, action}. Anything else is not a rejection.
 */
export interface Rejection {
  document?: string;
  reason: string;
}

export function parseRejection(payload: string): Rejection | null {
  let data: unknown;
  try {
    data = JSON.parse(payload);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const d = data as Record<string, unknown>;
  if (d.type !== 'vetnet.rejected') return null;
  return {
    document: typeof d.document === 'string' ? d.document : undefined,
    reason: typeof d.reason === 'string' && d.reason ? d.reason : 'refused by the server',
  };
}
