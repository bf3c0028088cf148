import type { Page } from '@playwright/test';

/**
 * Remembers what each blob: URL the page makes was made of, so a test can read back what a tab
 * opened from it holds (the page's CSP allows no fetch of blob: URLs). Call before page.goto.
 */
export async function recordBlobs(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const made = new Map<string, Blob>();
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (b: Blob | MediaSource) => {
      const url = create(b);
      if (b instanceof Blob) made.set(url, b);
      return url;
    };
    (window as unknown as { blobOf: (u: string) => Blob | undefined }).blobOf = (u) => made.get(u);
  });
}

/** The bytes of a blob: URL the page made (recordBlobs). */
export async function blobBytes(page: Page, url: string): Promise<Buffer> {
  const bytes = await page.evaluate(
    async (u) => Array.from(new Uint8Array(await (window as unknown as { blobOf: (u: string) => Blob }).blobOf(u).arrayBuffer())),
    url,
  );
  return Buffer.from(bytes);
}
