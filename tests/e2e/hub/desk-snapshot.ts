import type { Page } from '@playwright/test';

/**
 * What a desk page holds in its snapshot (IndexedDB 'hadir-desk', renderer snapshot.ts): how many
 * people and replaced badge codes; 0 and 0 until it has read one.
 */
export const deskSnapshot = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ people: number; replaced: number }>((resolve) => {
        const none = { people: 0, replaced: 0 };
        const r = indexedDB.open('hadir-desk');
        r.onsuccess = () => {
          const g = r.result.transaction('snapshot').objectStore('snapshot').getAll();
          g.onsuccess = () => {
            r.result.close();
            const s = g.result[0] as { people: object; replaced?: object } | undefined;
            resolve(s ? { people: Object.keys(s.people).length, replaced: Object.keys(s.replaced ?? {}).length } : none);
          };
          g.onerror = () => resolve(none);
        };
        r.onerror = () => resolve(none);
      }),
  );

/** How many people a desk page's snapshot holds (0 before it has one). */
export const snapshotPeople = (page: Page) => deskSnapshot(page).then((s) => s.people);
