// What size the name, the regency and the role really print at, read back from the PDFs (pdf.js),
// on every tag layout and the certificate, for the names that push the text fitting hardest.
// Run: npx tsx tests/bench/tag-text-sizes.ts [out-dir]  (writes the PDFs there for a look).
import fs from 'node:fs';
import path from 'node:path';
import { renderBadgesPdf } from '../../electron/core/badges/render-pdf';
import type { BadgeData } from '../../electron/core/badges/tag-layout';
import { renderBase } from '../../electron/core/certificates/render-input';
import { renderCertificates } from '../../electron/core/certificates/render/render';
import { loadSettings } from '../../electron/core/certificates/settings';
import { defaultTemplate } from '../../electron/shared/cert-template-defaults';
import { BADGE_LAYOUTS } from '../../electron/shared/badges';
import { fixtureBadges, HOSTILE_TAGS } from '../helpers/badge-people';
import { EVENT_NAME, FONTS, LOGO } from '../helpers/badge-scan';
import { tempDir } from '../helpers/ctx';
import { pdfTextItems, type TextItem } from '../helpers/pdf-text-items';
import { psmEvent } from '../unit/certificates/helpers';

const out = process.argv[2] ?? tempDir('hadir-tag-sizes-');
fs.mkdirSync(out, { recursive: true });

async function cases(): Promise<[string, BadgeData][]> {
  const fixture = (await fixtureBadges()).find((b) => b.name.length === 60)!;
  return [['fixture-60', fixture], ...HOSTILE_TAGS.map((b): [string, BadgeData] => [b.key, b.badge])];
}

/** Which of the person's texts a run belongs to: role (upper case), regency, name; else other. */
function part(it: TextItem, b: BadgeData): string {
  const t = it.text.replace(/\s+/g, ' ').trim();
  if (b.role.toUpperCase().includes(t)) return 'role';
  if (b.regency?.includes(t)) return 'regency';
  if (b.name.replace(/\s+/g, '').includes(t.replace(/\s+/g, ''))) return 'name';
  return 'other';
}

function summary(items: TextItem[], b: BadgeData): string {
  const of = (p: string) => items.filter((i) => part(i, b) === p);
  const fmt = (xs: TextItem[]) =>
    xs.length
      ? `${Math.min(...xs.map((x) => x.size)).toFixed(1)} pt × ${new Set(xs.map((x) => x.baseline.toFixed(1))).size}`
      : '—';
  return `name ${fmt(of('name'))} | regency ${fmt(of('regency'))} | role ${fmt(of('role'))}`;
}

async function main() {
  const people = await cases();
  for (const id of BADGE_LAYOUTS) {
    for (const [key, b] of people) {
      const bytes = await renderBadgesPdf({
        layout: id,
        eventName: EVENT_NAME,
        logo: LOGO,
        fonts: FONTS,
        badges: [b],
        offset: { x: 0, y: 0 },
      });
      fs.writeFileSync(path.join(out, `${id}-${key}.pdf`), bytes);
      console.log(`${id.padEnd(8)} ${key.padEnd(14)} ${summary((await pdfTextItems(bytes))[0]!, b)}`);
    }
  }
  const { ctx, event } = await psmEvent();
  for (const orientation of ['landscape', 'portrait'] as const) {
    const settings = loadSettings(ctx.db, event.id);
    const base = renderBase(ctx, event, { ...settings, template: defaultTemplate(orientation) });
    for (const [key, b] of people) {
      const cert = { number: '001/PSM/DINSOS/IX/2022', role: b.role, regency: b.regency, qr: 'HS1|X', name: b.name };
      const bytes = await renderCertificates({ ...base, certificates: [cert] });
      fs.writeFileSync(path.join(out, `cert-${orientation}-${key}.pdf`), bytes);
      console.log(`cert-${orientation.slice(0, 4)} ${key.padEnd(14)} ${summary((await pdfTextItems(bytes))[0]!, b)}`);
    }
  }
  console.log(`PDFs in ${out}`);
}

await main();
