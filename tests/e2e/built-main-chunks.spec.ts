// What the Electron main process loads at start (out/main/index.js after `npm run build`). Electron
// cannot run here, so the bundle itself is read: the files index.js imports statically (what
// Electron loads before the window opens) must hold no hub code, no certificate library
// (@peculiar/x509), no QR encoder (qrcode) and no HTTPS server; the hub (electron/web/hub-switch.ts
// and what it needs) is a chunk reached only through a dynamic import, which electron/main/
// lazy-hub.ts makes when the switch is turned on, or at start when hub-switch.json says it was on.
// The sources in each file are named by the build's region comments (tests/helpers/cli-loaded.ts).
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT } from '../helpers/ctx';
import { sourcesOfChunk } from '../helpers/cli-loaded';

const MAIN = path.join(ROOT, 'out/main');
const HUB_SOURCES = [
  'electron/web/hub-switch.ts',
  'electron/web/hub.ts',
  'electron/web/hub-cert.ts',
  'electron/web/hub-routes.ts',
  'electron/web/server.ts',
  'electron/web/live.ts',
];
const HUB_PACKAGES = ['@peculiar/x509', 'qrcode', 'node:https'];

/** A built file's imports: static ones (relative files, and packages), and dynamic import() targets. */
function importsOf(file: string) {
  const text = fs.readFileSync(file, 'utf8');
  const files: string[] = [];
  const packages: string[] = [];
  // rolldown writes each static import on its own line: `import … from "x";` or `import "x";` (and export … from).
  for (const m of text.matchAll(/^(?:import|export)\b[^;'"]*?(?:from\s*)?["']([^"']+)["'];?$/gm)) {
    const spec = m[1]!;
    if (spec.startsWith('.')) files.push(path.resolve(path.dirname(file), spec));
    else packages.push(spec);
  }
  const dynamic = [...text.matchAll(/\bimport\(\s*["'](\.[^"']+)["']\s*\)/g)].map((m) => path.resolve(path.dirname(file), m[1]!));
  return { files, packages, dynamic };
}

/** Every file reached from `entry` by static imports, with the packages they import and their dynamic targets. */
function staticClosure(entry: string) {
  const files = new Set<string>();
  const packages = new Set<string>();
  const dynamic = new Set<string>();
  const visit = (f: string) => {
    if (files.has(f)) return;
    files.add(f);
    const i = importsOf(f);
    i.packages.forEach((p) => packages.add(p));
    i.dynamic.forEach((d) => dynamic.add(d));
    i.files.forEach(visit);
  };
  visit(entry);
  const sources = [...files].flatMap((f) => sourcesOfChunk(f));
  return { files, packages, dynamic, sources };
}

test('the Electron main entry loads no hub code at start: the hub is a chunk it imports dynamically', () => {
  const entry = staticClosure(path.join(MAIN, 'index.js'));
  // The entry is what it should be (the test reads the right thing).
  expect(entry.sources).toContain('electron/main/index.ts');
  expect(entry.packages).toContain('electron');

  expect(entry.sources.filter((s) => HUB_SOURCES.includes(s))).toEqual([]);
  expect([...entry.packages].filter((p) => HUB_PACKAGES.includes(p))).toEqual([]);

  // The hub: a chunk behind a dynamic import of the entry's, holding the switch and, through its
  // own static imports, the certificate library, the QR encoder and the HTTPS server.
  const hub = [...entry.dynamic].map(staticClosure).find((c) => c.sources.includes('electron/web/hub-switch.ts'));
  expect(hub, 'a dynamically imported chunk holding electron/web/hub-switch.ts').toBeDefined();
  expect(hub!.sources).toEqual(expect.arrayContaining(HUB_SOURCES));
  expect([...hub!.packages]).toEqual(expect.arrayContaining(HUB_PACKAGES));
});
