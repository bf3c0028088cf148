/** A URL, or null for anything `new URL` refuses: the security checks treat both alike. */
export function parseUrl(url: string | null | undefined): URL | null {
  if (!url) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
