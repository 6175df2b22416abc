/**
 * What a person can read of a signed credential without checking it: the content of its JWS (the part between the
 * two dots, base64url JSON). Shown as a label only; /verify is what says whether to trust it.
 */
export interface CredentialContent { name?: string; validFrom?: string; issuer?: { name?: string } | string }

export function credentialContent(jws: string): CredentialContent | null {
  const part = jws.split('.')[1];
  if (!part) return null;
  try {
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4)), (c) => c.charCodeAt(0));
    const value = JSON.parse(new TextDecoder().decode(bytes));
    return value && typeof value === 'object' ? (value as CredentialContent) : null;
  } catch {
    return null;
  }
}

/** Lines of a textarea as a list: trimmed, blank ones dropped. */
export const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);
