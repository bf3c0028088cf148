// What the test children's bundles hold (tests/helpers/bundle-child.ts): crash.test's desk starts
// 110 times, and its start is cheap only while its packages are inside the one file; the web host's
// bundle must still find its files from the sources' folders, as under tsx.
import fs from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundleChild, bundleWithSourceUrls } from '../helpers/bundle-child';
import { ROOT } from '../helpers/ctx';

/** The modules a bundle still loads from outside itself, Node's built-ins left out. */
function outsideImports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  // esbuild writes an external ES import as a statement of its own line, and leaves require()
  // (or its __require shim) of a CommonJS package's external as a call with a plain string.
  const patterns = [/^import\s[^;'"]*?from\s*["']([^"']+)["']/gm, /^import\s*["']([^"']+)["']/gm, /\brequire\(\s*["']([^"']+)["']\s*\)/g];
  const names = patterns.flatMap((re) => [...text.matchAll(re)].map((m) => m[1]!));
  return [...new Set(names.filter((n) => !isBuiltin(n) && !n.startsWith('.')))].sort();
}

describe('test children bundled with esbuild', () => {
  it("crash.test's desk carries its packages inside: only better-sqlite3 (native) is loaded from node_modules", () => {
    const file = bundleChild(path.join(ROOT, 'tests/unit/checkin/crash-child.ts'), { packages: 'inside' });
    expect(outsideImports(file)).toEqual(['better-sqlite3']);
    // The default keeps them outside (each start then resolves zod, pdf-lib, jszip… itself).
    expect(outsideImports(bundleChild(path.join(ROOT, 'tests/unit/checkin/crash-child.ts')))).toContain('zod');
  });

  it("the web host's bundle gives each module its own file's import.meta.url, as under tsx", async () => {
    const text = fs.readFileSync(await bundleWithSourceUrls(path.join(ROOT, 'electron/web/main.ts')), 'utf8');
    // main.ts finds out/renderer and resources/ from its own folder; worker-entry.ts its worker.ts.
    expect(text).toContain(JSON.stringify(pathToFileURL(path.join(ROOT, 'electron/web/main.ts')).href));
    expect(text).toContain(JSON.stringify(pathToFileURL(path.join(ROOT, 'electron/core/jobs/worker-entry.ts')).href));
    expect(text).not.toContain('import.meta.url');
  });
});
