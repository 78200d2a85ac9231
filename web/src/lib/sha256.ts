// SHA-256 of a file in the browser, so the user sees the hash of what they chose before the node
// confirms it; null where Web Crypto is unavailable (non-secure origins).
export async function sha256Hex(file: Blob): Promise<string | null> {
  if (!globalThis.crypto?.subtle) return null;
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
