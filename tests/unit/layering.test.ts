import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { isLoopbackHost } from '../../electron/host/loopback';
import { newAccessKey } from '../../electron/web/access-key';
import { accessKeyProblem } from '../../electron/shared/access-key';
import { ROOT } from '../helpers/ctx';

// Imports point one way, down: main/ and web/ → core/ → db/ → shared/, and host/ (app origin,
// CSP, loopback names) below both main/ and web/. A layer may import only the layers listed for
// it (and itself). shared/ runs in the sandboxed renderer too, so it imports nothing else of ours.
const ALLOWED: Record<string, readonly string[]> = {
  'electron/shared': [],
  'electron/host': ['electron/shared'],
  'electron/db': ['electron/shared'],
  'electron/core': ['electron/db', 'electron/shared'],
  'electron/web': ['electron/core', 'electron/host', 'electron/shared'],
  // main/ opens the kiosk's LAN hub (web/hub-switch.ts: issue 19's "Buka untuk meja lain").
  'electron/main': ['electron/core', 'electron/host', 'electron/shared', 'electron/web'],
  'electron/cli': ['electron/core', 'electron/shared'],
  'electron/preload': ['electron/shared'],
  renderer: ['electron/shared'],
};
/** Where the `electron` package may be imported: the shell, nowhere else. */
const ELECTRON_PACKAGE = ['electron/main', 'electron/preload'];
/** Where Node's built-ins may not be imported: code that is bundled into the renderer. */
const NO_NODE = ['electron/shared', 'electron/preload', 'renderer'];
/** Single modules a layer may not reach even though their layer is allowed. */
const FORBIDDEN_MODULES: Record<string, readonly string[]> = {
  // The web access key has its own generator (web/access-key.ts), not the badge-code one.
  'electron/web': ['electron/core/participants/code.ts'],
};

const LAYERS = Object.keys(ALLOWED);
const layerOf = (rel: string) => LAYERS.find((l) => rel === l || rel.startsWith(`${l}/`));

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && /\.tsx?$/.test(d.name))
    .map((d) => path.relative(ROOT, path.join(d.parentPath, d.name)).split(path.sep).join('/'));
}

/** Every import of every source file, as the TypeScript compiler reads them (static, dynamic, re-export). */
function imports(): { file: string; layer: string; spec: string; target: string | undefined }[] {
  const out = [];
  for (const file of [...sourceFiles('electron'), ...sourceFiles('renderer/src')]) {
    const layer = layerOf(file);
    if (!layer) throw new Error(`${file} is in no layer: add its folder to ALLOWED`);
    const info = ts.preProcessFile(fs.readFileSync(path.join(ROOT, file), 'utf8'), true, true);
    for (const { fileName: spec } of info.importedFiles) {
      let target: string | undefined;
      if (spec.startsWith('.')) {
        target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
        if (!/\.[a-z]+$/.test(target)) target += fs.existsSync(path.join(ROOT, `${target}.tsx`)) ? '.tsx' : '.ts';
      }
      out.push({ file, layer, spec, target });
    }
  }
  return out;
}

describe('layering: the import matrix', () => {
  const all = imports();

  it('finds the imports it checks (a parser that reads nothing would pass everything)', () => {
    expect(all.some((i) => i.file === 'electron/db/migrate.ts' && i.target === 'electron/shared/errors.ts')).toBe(true);
    expect(all.some((i) => i.layer === 'electron/main' && i.spec === 'electron')).toBe(true);
  });

  it('lets each layer import only the layers below it', () => {
    const bad = all
      .filter((i) => i.target !== undefined)
      .filter((i) => {
        const to = layerOf(i.target!);
        return to === undefined || (to !== i.layer && !ALLOWED[i.layer]!.includes(to));
      })
      .map((i) => `${i.file} imports ${i.spec}`);
    expect(bad).toEqual([]);
  });

  it('keeps db from importing core, web from main, and core from main, web, cli and electron', () => {
    const edges = all.map((i) => ({ from: i.layer, to: i.target ? layerOf(i.target) : i.spec }));
    const has = (from: string, to: string) => edges.some((e) => e.from === from && e.to === to);
    expect(has('electron/db', 'electron/core')).toBe(false);
    expect(has('electron/web', 'electron/main')).toBe(false);
    for (const to of ['electron/main', 'electron/web', 'electron/cli', 'electron']) expect(has('electron/core', to)).toBe(false);
  });

  it('keeps the electron package inside main and preload', () => {
    const bad = all.filter((i) => i.spec === 'electron' && !ELECTRON_PACKAGE.includes(i.layer));
    expect(bad.map((i) => i.file)).toEqual([]);
  });

  it("keeps Node's built-ins out of what the renderer bundles", () => {
    const bad = all.filter((i) => NO_NODE.includes(i.layer) && /^node:|^(fs|path|crypto|os)$/.test(i.spec));
    expect(bad.map((i) => `${i.file} imports ${i.spec}`)).toEqual([]);
  });

  it('keeps single modules out of reach where a rule says so', () => {
    const bad = all.filter((i) => i.target && FORBIDDEN_MODULES[i.layer]?.includes(i.target));
    expect(bad.map((i) => `${i.file} imports ${i.spec}`)).toEqual([]);
  });

  it('lets the renderer reach the host only through api.ts', () => {
    for (const f of sourceFiles('renderer/src')) {
      if (f.endsWith('/api.ts')) continue;
      expect(fs.readFileSync(path.join(ROOT, f), 'utf8'), f).not.toMatch(/window\.hadir|fetch\(/);
    }
  });
});

describe('one home for each rule', () => {
  it('names the loopback hosts in one list (host/loopback.ts)', () => {
    const holders = sourceFiles('electron').filter((f) =>
      /['"](localhost|\[?::1\]?)['"]/.test(fs.readFileSync(path.join(ROOT, f), 'utf8')),
    );
    expect(holders).toEqual(['electron/host/loopback.ts']);
    for (const h of ['localhost', '127.0.0.1', '::1', '[::1]', 'LOCALHOST']) expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ['0.0.0.0', '192.168.1.10', 'localhost.evil.example', '[::2]', '', undefined]) {
      expect(isLoopbackHost(h), String(h)).toBe(false);
    }
  });

  it('makes the web access key with its own generator: 12 unambiguous characters', () => {
    const keys = new Set(Array.from({ length: 200 }, () => newAccessKey()));
    expect(keys.size).toBe(200);
    for (const k of keys) expect(k).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
  });

  it('makes only keys the host accepts (about 1 random draw in 100 had fewer than 8 different characters, and the hub refused to open)', () => {
    const refused = Array.from({ length: 5_000 }, () => newAccessKey()).filter((k) => accessKeyProblem(k) !== null);
    expect(refused).toEqual([]);
  });
});
