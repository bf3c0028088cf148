import fs from 'node:fs';
import type { Command } from 'commander';
import { call, CliFailure, openCli } from './run';
import { paperworkReports } from './payments';

export function reportCommands(program: Command) {
  const report = program.command('report').description('attendance reports: recap and daftar hadir');
  report
    .command('daftar-hadir')
    .description('the attendance sheet of one day, to sign and file (PDF)')
    .requiredOption('--day <n>', 'event day number (1, 2, …)')
    .option('--all', 'everyone, with an empty time for those absent (to be signed on paper)')
    .option('--order <time|name>', 'check-in order or by name', 'time')
    .requiredOption('--out <file>', 'output PDF')
    .option('--data-dir <dir>', 'data folder')
    .action(async (o) => {
      if (!/^\d+$/.test(o.day)) throw new CliFailure(`--day must be a day number: ${o.day}`, 2);
      const f = await call(await openCli(o.dataDir), 'reports.daftarHadir', { dayNo: Number(o.day), scope: o.all ? 'all' : 'present', order: o.order });
      fs.writeFileSync(o.out, f.bytes);
      console.log(o.out);
    });
  report
    .command('recap')
    .description('attendance per day, per regency or city and per role')
    .option('--format <xlsx|csv|pdf|json>', 'output format', 'xlsx')
    .option('--view <days|regency|role|certificates|register>', 'the view a CSV or PDF holds (XLSX holds all five; register: the certificate number register)', 'regency')
    .option('--separator <sep>', 'CSV separator: ";" (Indonesian Excel) or ","', ';')
    .option('--out <file>', 'output file (json: standard output when omitted)')
    .option('--data-dir <dir>', 'data folder')
    .action(async (o) => {
      const ctx = await openCli(o.dataDir);
      if (o.format === 'json') {
        const recap = await call(ctx, 'reports.recap', {});
        const text = JSON.stringify(recap, null, 2);
        if (o.out) fs.writeFileSync(o.out, text);
        else console.log(text);
        return;
      }
      if (!o.out) throw new CliFailure('--out FILE is needed for xlsx, csv and pdf.', 2);
      const f = await call(ctx, 'reports.recapExport', { format: o.format, view: o.view, separator: o.separator });
      fs.writeFileSync(o.out, f.bytes);
      console.log(o.out);
    });
  report
    .command('reconciliation')
    .description('where desks and the hub, or two merged laptops, disagreed: for the committee to sign off (PDF, or JSON)')
    .option('--format <pdf|json>', 'output format', 'pdf')
    .option('--out <file>', 'output file (json: standard output when omitted)')
    .option('--data-dir <dir>', 'data folder')
    .action(async (o) => {
      const ctx = await openCli(o.dataDir);
      if (o.format === 'json') {
        const text = JSON.stringify(await call(ctx, 'reports.reconciliation', {}), null, 2);
        if (o.out) fs.writeFileSync(o.out, text);
        else console.log(text);
        return;
      }
      if (o.format !== 'pdf') throw new CliFailure(`--format must be pdf or json: ${o.format}`, 2);
      if (!o.out) throw new CliFailure('--out FILE is needed for a PDF.', 2);
      const f = await call(ctx, 'reports.reconciliationPdf', {});
      fs.writeFileSync(o.out, f.bytes);
      console.log(o.out);
    });
  paperworkReports(report);
}
