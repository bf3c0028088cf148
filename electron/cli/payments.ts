import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { PAYMENT_KINDS } from '../shared/payment-kinds';
import { call, CliFailure, deskOptions, deskScopeOf, openCli } from './run';

/** `hadir payments rates --file RATES.csv`: the office's rates, `kind;role;regency;amount` a line. */
export function paymentCommands(program: Command) {
  const payments = program.command('payments').description('the paperwork: payment rates for the daftar penerimaan');
  deskOptions(payments.command('rates').description('set the rates from a file (kind;role;regency;amount), or print them'))
    .option('--file <RATES.csv>', 'the rates file; replaces every rate of the event')
    .option('--data-dir <dir>', 'data folder')
    .action(async (o) => {
      const ctx = await openCli(o.dataDir);
      let settings;
      if (o.file) {
        if (!fs.existsSync(o.file)) throw new CliFailure(`berkas tidak ada / no such file: ${o.file}`, 2);
        settings = await call(ctx, 'payments.ratesFile', { ...(await deskScopeOf(ctx, o)), bytes: fs.readFileSync(o.file) });
      } else settings = await call(ctx, 'payments.settings', o.event ? { eventId: Number(o.event) } : {});
      for (const r of settings.rates) console.log([r.kind, r.role, r.regency, r.amount].join(';'));
    });
  deskOptions(
    payments
      .command('programme')
      .description('set the programme (sessions, JP, speakers, moderators) from a file: material;jp;speaker;moderator a line'),
  )
    .requiredOption('--file <PROGRAMME.csv>', 'the programme file; replaces the whole programme')
    .option('--data-dir <dir>', 'data folder')
    .action(async (o) => {
      const ctx = await openCli(o.dataDir);
      if (!fs.existsSync(o.file)) throw new CliFailure(`berkas tidak ada / no such file: ${o.file}`, 2);
      // Read in full first: a bad line changes nothing.
      const programme = await call(ctx, 'payments.programmeFile', { bytes: fs.readFileSync(o.file) });
      const at = await deskScopeOf(ctx, o);
      const e = (await call(ctx, 'event.get', { eventId: at.eventId }))!;
      const saved = await call(ctx, 'event.update', {
        ...at,
        name: e.name,
        organiser: e.organiser,
        venue: e.venue,
        city: e.city,
        days: e.days.map((d) => d.date),
        signatoryName: e.signatoryName,
        signatoryTitle: e.signatoryTitle,
        signatoryNip: e.signatoryNip,
        programme,
      });
      for (const p of saved.programme) console.log([p.material, p.jp, p.speaker, p.moderator].join(';'));
    });
}

/** `hadir report receipts`, `hadir report speakers` and `hadir report jp`, added to the `report` command. */
export function paperworkReports(report: Command) {
  report
    .command('receipts')
    .description('the daftar penerimaan of one kind, one day or the whole event (PDF or XLSX)')
    .requiredOption('--kind <transport|uang-saku|honor>', 'what is paid')
    .option('--day <n>', 'one event day (default: the whole event)')
    .option('--format <pdf|xlsx>', 'output format', 'pdf')
    .requiredOption('--out <file>', 'output file')
    .option('--data-dir <dir>', 'data folder')
    .action(async (o) => {
      if (!(PAYMENT_KINDS as readonly string[]).includes(o.kind))
        throw new CliFailure(`--kind harus / must be ${PAYMENT_KINDS.join(', ')}: ${o.kind}`, 2);
      if (o.day !== undefined && !/^\d+$/.test(o.day)) throw new CliFailure(`--day must be a day number: ${o.day}`, 2);
      if (o.format !== 'pdf' && o.format !== 'xlsx') throw new CliFailure(`--format must be pdf or xlsx: ${o.format}`, 2);
      const f = await call(await openCli(o.dataDir), 'reports.receipts', {
        kind: o.kind,
        format: o.format,
        ...(o.day !== undefined ? { dayNo: Number(o.day) } : {}),
      });
      fs.writeFileSync(o.out, f.bytes);
      console.log(o.out);
    });
  report
    .command('speakers')
    .description("the speakers' daftar hadir: narasumber and moderators per session of the programme (PDF)")
    .requiredOption('--out <file>', 'output PDF')
    .option('--data-dir <dir>', 'data folder')
    .action(async (o) => {
      const f = await call(await openCli(o.dataDir), 'reports.speakers', {});
      fs.writeFileSync(o.out, f.bytes);
      console.log(o.out);
    });
  report
    .command('jp')
    .description('the 20-JP record: one XLSX and CSV per agency or regency, and a summary')
    .option('--by <instansi|regency>', 'one file per agency (instansi) or per home regency', 'instansi')
    .requiredOption('--out <dir>', 'output folder (created if missing)')
    .option('--data-dir <dir>', 'data folder')
    .action(async (o) => {
      if (o.by !== 'instansi' && o.by !== 'regency') throw new CliFailure(`--by must be instansi or regency: ${o.by}`, 2);
      const f = await call(await openCli(o.dataDir), 'reports.jp', { by: o.by });
      fs.mkdirSync(o.out, { recursive: true });
      const { default: JSZip } = await import('jszip');
      const zip = await JSZip.loadAsync(f.bytes);
      for (const name of Object.keys(zip.files).sort()) {
        const file = path.join(o.out, path.basename(name));
        fs.writeFileSync(file, await zip.files[name]!.async('uint8array'));
        console.log(file);
      }
    });
}
