import fs from 'node:fs';
import type { Command } from 'commander';
import { FIELDS, type Field } from '../shared/participant';
import type { ImportOutcome, ImportPreview } from '../shared/import';
import type { OpError } from '../shared/result';
import { csvDataLine } from '../core/participants/csv';
// The import's size limit is the upload's (import/limits.ts), taken from shared/file.ts so that
// every command does not load the import's modules.
import { MAX_UPLOAD_BYTES as MAX_IMPORT_BYTES, MAX_UPLOAD_MB } from '../shared/file';
import { call, CliFailure, describe, deskOptions, deskScopeOf, dispatchCli, openCli } from './run';

/**
 * `--map "Nama Lengkap=name"` or `--map 3=phone` (1-based column) or `--map No=-` (ignore).
 * Applied on top of the guessed mapping.
 */
export function applyMaps(headers: string[], guessed: (Field | null)[], maps: string[]): (Field | null)[] {
  const out = [...guessed];
  for (const m of maps) {
    const eq = m.lastIndexOf('=');
    if (eq < 1) throw new CliFailure(`--map "${m}": expected column=field`, 2);
    const col = m.slice(0, eq).trim();
    const field = m.slice(eq + 1).trim();
    const idx = /^\d+$/.test(col) ? Number(col) - 1 : headers.findIndex((h) => h.toLowerCase() === col.toLowerCase());
    if (idx < 0 || idx >= headers.length)
      throw new CliFailure(`--map "${m}": no column "${col}" (columns: ${headers.join(', ')})`, 2);
    if (field !== '-' && !(FIELDS as readonly string[]).includes(field)) {
      throw new CliFailure(`--map "${m}": unknown field "${field}" (fields: ${FIELDS.join(', ')}, or - to ignore)`, 2);
    }
    const f = field === '-' ? null : (field as Field);
    // One column per field: mapping a field here frees it elsewhere.
    if (f) out.forEach((g, i) => g === f && (out[i] = null));
    out[idx] = f;
  }
  return out;
}

export function formatReport(p: ImportPreview): string {
  const lines = [
    `File: ${p.format.toUpperCase()}${p.encoding ? `, ${p.encoding}` : ''}${p.delimiter ? `, delimiter ${JSON.stringify(p.delimiter)}` : ''}`,
    `Columns: ${p.headers.map((h, i) => `${h} -> ${p.mapping[i] ?? '(ignored)'}`).join('; ')}`,
    `Rows: ${p.totalRows}, valid: ${p.validRows}, new: ${p.wouldInsert}, updates: ${p.wouldUpdate}, unchanged: ${p.unchanged}, left deleted: ${p.keptDeleted}`,
  ];
  for (const w of p.warnings) {
    lines.push(
      w.code === 'mostly_new'
        ? `  warning  ${w.count} of ${w.of} rows would be new next to ${w.existing} participants already listed: check the mapping`
        : w.code === 'undrawable_names'
          ? `  warning  ${w.count} name(s) have characters the bundled fonts cannot draw (empty boxes on paper): ${w.examples.join('; ')}`
          : `  warning  column "${w.column}" -> ${w.field}: ${w.count} of ${w.of} values do not fit (${w.code}, e.g. ${w.examples.map((e) => JSON.stringify(e)).join(', ')})`,
    );
  }
  for (const c of p.changes) {
    lines.push(
      `  change   line ${c.line}, ${c.name}: ${c.field} ${JSON.stringify(c.old)} -> ${JSON.stringify(c.new)}${c.applied ? '' : ' (kept: edited in the app)'}`,
    );
  }
  if (p.changeCount > p.changes.length) lines.push(`  … and ${p.changeCount - p.changes.length} more changes`);
  for (const d of p.keptDeletedPeople) lines.push(`  deleted  line ${d.line}, ${d.name} (${d.code}) stays deleted`);
  for (const pr of p.problems) {
    lines.push(
      `  ${pr.warning ? 'warning' : 'error'}  line ${pr.line}, column "${pr.column}": ${pr.code}${pr.value ? ` (${JSON.stringify(pr.value)})` : ''}`,
    );
  }
  if (p.moreProblems > 0) lines.push(`  ... and ${p.moreProblems} more problem(s); fix the ones listed first.`);
  return lines.join('\n');
}

const importedLine = (out: ImportOutcome) =>
  `Imported: ${out.inserted} new, ${out.updated} updated, ${out.unchanged} unchanged, ${out.skipped} skipped, ${out.keptDeleted} left deleted.`;

export function participantCommands(program: Command) {
  const cmd = program.command('participants').description('import, list and export participants');
  deskOptions(cmd.command('import <file>').description('import a CSV or XLSX file (all or nothing)'))
    .option('--map <column=field>', 'fix a column mapping (repeatable)', (v: string, p: string[]) => [...p, v], [])
    .option('--dry-run', 'only print the validation report')
    .option('--skip-invalid', 'import the valid rows and skip rows with errors')
    .option('--allow-formulas', 'import values that look like spreadsheet formulas (=, +, -, @) as they are')
    .option('--take-file-values', "overwrite fields edited in the app with the file's values (default: keep them)")
    .option('--data-dir <dir>', 'data folder')
    .action(async (file: string, o) => {
      if (!fs.existsSync(file)) throw new CliFailure(`No such file: ${file}`, 2);
      // Refuse before reading a huge file into memory (the core checks again).
      if (fs.statSync(file).size > MAX_IMPORT_BYTES)
        throw new CliFailure(`${file} is larger than ${MAX_UPLOAD_MB} MB; split it.`, 2);
      const ctx = await openCli(o.dataDir, { worker: 'participants.readImport' });
      const bytes = fs.readFileSync(file);
      const choices = { allowFormulas: !!o.allowFormulas, appEdits: o.takeFileValues ? ('file' as const) : ('keep' as const) };
      const scope = await deskScopeOf(ctx, o);
      const { eventId } = scope;
      let refused: OpError | null = null;
      if (!o.dryRun && !o.map.length) {
        // The file read once: the rows are written as the worker checks them, and the report is
        // the walk's own (import-commit.ts importFile). A file with errors is rolled back; the
        // report of what is wrong is then read again below, as before.
        const done = await dispatchCli(ctx, 'participants.importCommit', {
          ...scope,
          fileName: file,
          bytes,
          skipInvalid: !!o.skipInvalid,
          report: true,
          ...choices,
        });
        if (done.ok) {
          console.log(formatReport(done.value.report!));
          console.log(importedLine(done.value));
          return;
        }
        if (!(done.error.code === 'import_invalid' && done.error.params?.rows)) throw new CliFailure(describe(done.error));
        refused = done.error;
      }
      const guess = await call(ctx, 'participants.importPreview', { fileName: file, bytes, eventId, ...choices });
      const mapping = applyMaps(guess.headers, guess.mapping, o.map);
      const preview = o.map.length
        ? await call(ctx, 'participants.importPreview', { fileName: file, bytes, mapping, eventId, ...choices })
        : guess;
      console.log(formatReport(preview));
      if (refused) throw new CliFailure(describe(refused));
      const errors = preview.totalRows - preview.validRows;
      if (o.dryRun) {
        if (errors && !o.skipInvalid) throw new CliFailure(`${errors} row(s) have errors; nothing would be imported.`);
        return;
      }
      const out = await call(ctx, 'participants.importCommit', {
        ...scope,
        fileName: file,
        bytes,
        mapping,
        skipInvalid: !!o.skipInvalid,
        ...choices,
      });
      console.log(importedLine(out));
    });
  cmd
    .command('list')
    .description('list participants (personal data masked)')
    .option('--format <fmt>', 'table, csv or json', 'table')
    .option('--query <text>', 'search')
    .option('--data-dir <dir>', 'data folder')
    .action(async (o) => {
      if (!['table', 'csv', 'json'].includes(o.format)) throw new CliFailure(`--format must be table, csv or json`, 2);
      const ctx = await openCli(o.dataDir);
      const rows = [];
      for (let offset = 0; ; offset += 1000) {
        const page = await call(ctx, 'participants.list', { query: o.query ?? '', limit: 1000, offset });
        rows.push(...page.rows);
        if (rows.length >= page.total || !page.rows.length) break;
      }
      if (o.format === 'json') return console.log(JSON.stringify(rows, null, 2));
      if (o.format === 'csv') {
        console.log('code,name,gender,regency,role,phone');
        for (const r of rows) console.log(csvDataLine([r.code, r.name, r.gender, r.regency, r.role, r.phone]));
        return;
      }
      for (const r of rows) console.log(`${r.code}  ${r.name.padEnd(40)}  ${(r.regency ?? '').padEnd(28)}  ${r.role}`);
      console.log(`${rows.length} participant(s)`);
    });
  cmd
    .command('export')
    .description('export the list with attendance')
    .requiredOption('--format <fmt>', 'csv or xlsx')
    .requiredOption('--out <file>', 'output file')
    .option('--include-personal', 'include NIK, phone and e-mail (personal data, UU PDP)')
    .option('--separator <sep>', 'CSV separator: ";" (Indonesian Excel) or ","', ';')
    .option('--data-dir <dir>', 'data folder')
    .action(async (o) => {
      const ctx = await openCli(o.dataDir);
      const f = await call(ctx, 'participants.export', {
        format: o.format,
        includePersonal: !!o.includePersonal,
        separator: o.separator,
      });
      fs.writeFileSync(o.out, f.bytes);
      console.log(`Wrote ${f.rows} participant(s) to ${o.out}`);
    });
}
