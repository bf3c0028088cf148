import path from 'node:path';
import type { Page } from '@playwright/test';
import { dispatch } from '../../electron/core/dispatch';
import { PSM_EVENT, scope } from '../helpers/ctx';
import { expectAccessible } from './axe';
import { expect, test } from './fixtures';
import { checkIn, LAPTOP, PSM_FIXTURE, seedPsm } from './seed';
import { op, todaysEvent } from './checkin/desk';

test.use(LAPTOP);

type Host = Parameters<Parameters<typeof test>[2]>[0]['host'];

/**
 * Every screen of the kiosk, and the states that show more of it, each checked by axe-core
 * (serious and critical findings fail). A new screen is one more entry: how to reach it from a
 * freshly loaded page over `seed` data.
 */
const SCREENS: {
  name: string;
  seed?: (host: Host) => Promise<void>;
  open: (page: Page) => Promise<void>;
  /** The screen is checked again in English, switched with the header's ID | EN (unreachable behind a modal dialog). */
  english?: false;
}[] = [
  {
    name: 'setup (first start)',
    seed: async () => undefined,
    open: async (page) => {
      await expect(page.getByRole('heading', { name: 'Selamat datang di Hadir' })).toBeVisible();
      // With field errors showing.
      await page.getByRole('button', { name: 'Buat acara' }).click();
      await expect(page.locator('.field-error').first()).toBeVisible();
    },
  },
  {
    name: 'participant list with attendance',
    open: async (page) => {
      await expect(page.getByTestId('list-count')).toHaveText('66 dari 66 peserta');
    },
  },
  {
    name: 'participant list, deleted view',
    open: async (page) => {
      await page.locator('tbody tr').first().getByRole('button', { name: 'Hapus' }).click();
      await page.getByRole('combobox', { name: 'Kehadiran' }).selectOption('deleted');
      await expect(page.getByTestId('list-count')).toHaveText('1 dari 1 peserta yang dihapus');
    },
  },
  {
    name: 'participant form (dialog)',
    english: false,
    open: async (page) => {
      await page.getByRole('button', { name: '+ Tambah peserta' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Simpan', exact: true }).click();
      await expect(page.getByRole('dialog').locator('.field-error').first()).toBeVisible();
    },
  },
  {
    name: 'participant form (dialog), in English',
    english: false,
    open: async (page) => {
      await language(page, 'EN');
      await page.locator('tbody tr').first().getByRole('button', { name: 'Edit' }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
    },
  },
  {
    name: 'import (no file yet)',
    open: async (page) => {
      await page.getByRole('button', { name: 'Impor' }).first().click();
      await expect(page.getByRole('heading', { level: 1, name: 'Impor daftar peserta' })).toBeVisible();
    },
  },
  {
    name: 'import report with warnings, changes and deleted people',
    open: async (page) => {
      await page.locator('tbody tr').filter({ hasText: 'Kartini' }).getByRole('button', { name: 'Hapus' }).click();
      await page.getByRole('button', { name: 'Impor' }).first().click();
      await page.getByTestId('import-file').setInputFiles(PSM_FIXTURE);
      // Phones mapped to Kecamatan: a column of numbers (warning) that changes everyone's district.
      await page.getByRole('combobox', { name: 'No HP' }).selectOption('district');
      await expect(page.getByTestId('import-warnings')).toBeVisible();
      await expect(page.getByTestId('import-changes')).toBeVisible();
      await expect(page.getByTestId('import-kept-deleted')).toBeVisible();
    },
  },
  {
    name: 'import report with errors',
    open: async (page) => {
      await page.getByRole('button', { name: 'Impor' }).first().click();
      await page.getByTestId('import-file').setInputFiles(path.join(import.meta.dirname, '../fixtures/formula-name.csv'));
      await expect(page.getByTestId('import-problems')).toBeVisible();
    },
  },
  {
    name: 'import done',
    seed: async (host) => {
      const res = await dispatch(host.ctx, 'event.create', PSM_EVENT);
      if (!res.ok) throw new Error(res.error.message);
    },
    open: async (page) => {
      await page.getByRole('button', { name: 'Impor' }).first().click();
      await page.getByTestId('import-file').setInputFiles(PSM_FIXTURE);
      await page.getByTestId('import-commit').click();
      await expect(page.getByTestId('import-done')).toBeVisible();
    },
  },
  {
    name: 'event screen, after saving',
    open: async (page) => {
      await page.getByRole('button', { name: 'Acara' }).click();
      await page.getByRole('button', { name: 'Simpan', exact: true }).click();
      await expect(page.getByTestId('saved-note')).toBeVisible();
    },
  },
  {
    name: 'event screen, a day row left empty',
    open: async (page) => {
      await page.getByRole('button', { name: 'Acara' }).click();
      await page.getByRole('button', { name: '+ Tambah hari' }).click();
      await page.getByRole('button', { name: 'Simpan', exact: true }).click();
      await expect(page.getByText('Tanggal belum diisi. Isi, atau hapus baris ini.')).toBeVisible();
    },
  },
  {
    name: 'new event from the event screen',
    open: async (page) => {
      await page.getByRole('button', { name: 'Acara' }).click();
      await page.getByRole('button', { name: '+ Buat acara baru' }).click();
      await expect(page.getByRole('heading', { name: 'Selamat datang di Hadir' })).toBeVisible();
    },
  },
  {
    name: 'check-in desk, after a check-in',
    seed: async (host) => {
      await todaysEvent(host.ctx);
      await op(host.ctx, 'participants.create', { ...scope(host.ctx), name: 'Siti Aminah', regency: 'Kota Metro', role: 'Peserta' });
    },
    open: async (page) => {
      await page.getByRole('button', { name: 'Kehadiran' }).click();
      await page.getByRole('searchbox').fill('siti');
      await page.getByTestId('search-hits').getByRole('button', { name: 'Catat hadir' }).click();
      await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'green');
    },
  },
  {
    // Issue 16, defect 10: the per-regency counters and the last scans scroll once a real list
    // is in; a keyboard must reach them.
    name: 'check-in desk, the whole PSM list and twenty scans',
    seed: async (host) => {
      await seedPsm(host.ctx);
      const names = host.ctx.db.prepare('SELECT name FROM participant ORDER BY id LIMIT 20').all() as { name: string }[];
      names.forEach((p, i) => checkIn(host.ctx, p.name, 1, new Date(Date.UTC(2022, 8, 7, 0, 30 + i)).toISOString()));
    },
    open: async (page) => {
      await page.getByRole('button', { name: 'Kehadiran' }).click();
      await expect(page.getByTestId('recent-scans').locator('li')).toHaveCount(20);
      // They do scroll: otherwise axe has nothing to find and the check proves nothing.
      for (const box of [page.getByTestId('recent-scans'), page.locator('.counts').last()]) {
        expect(await box.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
      }
    },
  },
  {
    name: 'event screen with its programme (materi)',
    seed: async (host) => {
      const res = await dispatch(host.ctx, 'event.create', {
        ...PSM_EVENT,
        programme: [{ material: 'Kebijakan PSM', jp: 2, speaker: 'Kepala Dinas Sosial' }],
      });
      if (!res.ok) throw new Error(res.error.message);
    },
    open: async (page) => {
      await page.getByRole('button', { name: 'Acara' }).click();
      await expect(page.locator('.programme-table')).toBeVisible();
    },
  },
  {
    name: 'check-in desk, walk-in dialog',
    english: false,
    seed: async (host) => void (await todaysEvent(host.ctx)),
    open: async (page) => {
      await page.getByRole('button', { name: 'Kehadiran' }).click();
      await page.getByRole('button', { name: '+ Peserta baru (walk-in)' }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
    },
  },
  {
    name: 'name tags',
    open: async (page) => {
      await page.getByRole('button', { name: 'Tanda Nama', exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Cetak tanda nama' })).toBeVisible();
      await expect(page.getByTestId('badge-preview')).toBeVisible();
    },
  },
  {
    name: 'certificates: who qualifies, a refusal with its reason',
    open: async (page) => {
      await page.getByRole('button', { name: 'Sertifikat', exact: true }).click();
      await page.getByRole('textbox', { name: 'Kode tanda pengenal' }).fill('ZZZZZZZZ');
      await page.getByRole('button', { name: 'Buat sertifikat' }).click();
      await expect(page.getByTestId('cert-refused')).toBeVisible();
    },
  },
  {
    name: 'certificates: template editor',
    open: async (page) => {
      await page.getByRole('button', { name: 'Sertifikat', exact: true }).click();
      await page.getByRole('tab', { name: 'Templat' }).click();
      await expect(page.getByTestId('cert-page').getByRole('img')).toBeVisible({ timeout: 20_000 });
    },
  },
  {
    name: 'certificates: verify, a forged text',
    open: async (page) => {
      await page.getByRole('button', { name: 'Sertifikat', exact: true }).click();
      await page.getByRole('tab', { name: 'Verifikasi' }).click();
      await page.getByRole('textbox', { name: 'Teks kode QR' }).fill('HS1|ABCD|1|x|');
      await page.getByRole('button', { name: 'Periksa', exact: true }).click();
      await expect(page.getByTestId('cert-verdict')).toBeVisible();
    },
  },
  {
    name: 'reports',
    open: async (page) => {
      await page.getByRole('button', { name: 'Laporan' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Laporan' })).toBeVisible();
      await expect(page.locator('.chart canvas')).toHaveCount(2);
    },
  },
];

/** The header's language switch (a screen may have buttons of its own named EN). */
const language = (page: Page, l: 'ID' | 'EN') => page.locator('header .lang').getByRole('button', { name: l }).click();

async function seedWithAttendance(host: Host) {
  await seedPsm(host.ctx);
  checkIn(host.ctx, 'Abdul Rozak', 1, '2022-09-07T01:05:00.000Z');
  checkIn(host.ctx, 'Abdul Rozak', 2, '2022-09-08T00:52:00.000Z');
}

// Each screen has its own host and page: they spread over both workers instead of queueing in one
// (this file is the longest of the e2e phase, ~21 tests).
test.describe.configure({ mode: 'parallel' });

for (const screen of SCREENS) {
  test(`axe: ${screen.name}`, async ({ page, host }) => {
    await (screen.seed ?? seedWithAttendance)(host);
    await page.goto(host.url);
    await screen.open(page);
    await expectAccessible(page, `${screen.name} (id)`);
    if (screen.english === false) return;
    await language(page, 'EN');
    await expectAccessible(page, `${screen.name} (en)`);
  });
}
