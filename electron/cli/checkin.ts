import type { Command } from 'commander';
import type { AttendanceRow } from '../shared/checkin';
import { csvDataLine, csvQuote } from '../core/participants/csv';
import { call, CliFailure, deskOptions, deskScopeOf, openCli } from './run';

function dayOption(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d{1,2}$/.test(v) || Number(v) < 1) throw new CliFailure(`--day must be a day number (1, 2, …): ${v}`, 2);
  return Number(v);
}

const CSV_HEADERS = ['Hari', 'Tanggal', 'Kode Badge', 'Nama', 'Kabupaten/Kota', 'Instansi', 'Peran', 'Jam', 'Meja'];

export function attendanceCsv(rows: AttendanceRow[]): string {
  const lines = [CSV_HEADERS.map(csvQuote).join(',')];
  for (const r of rows)
    lines.push(csvDataLine([String(r.dayNo), r.date, r.code, r.name, r.regency, r.institution, r.role, r.time, r.desk]));
  return lines.join('\r\n') + '\r\n';
}

export function checkinCommands(program: Command) {
  deskOptions(
    program
      .command('checkin <code>')
      .description('check a badge in (full QR text or the 8-character code); prints the verdict as one JSON line')
      .option('--day <n>', "event day number (default: today's date in the event's time zone)"),
  )
    .option('--data-dir <dir>', 'data folder')
    .action(async (code: string, o) => {
      const day = dayOption(o.day);
      const ctx = await openCli(o.dataDir);
      const scope = await deskScopeOf(ctx, o);
      const out = await call(ctx, 'checkin.scan', { ...scope, text: code, input: 'cli', day });
      console.log(JSON.stringify(out));
      // green and amber let the person in; red and "not a badge" do not.
      if (out.verdict !== 'green' && out.verdict !== 'amber') process.exitCode = 1;
    });
  program
    .command('attendance')
    .description('who was present, per event day (all days unless --day)')
    .option('--day <n>', 'event day number')
    .option('--event <id>', "the event (default: the kiosk's event)")
    .option('--format <fmt>', 'csv or json', 'csv')
    .option('--data-dir <dir>', 'data folder')
    .action(async (o) => {
      if (o.format !== 'csv' && o.format !== 'json') throw new CliFailure('--format must be csv or json', 2);
      const day = dayOption(o.day);
      const ctx = await openCli(o.dataDir);
      const { eventId } = await deskScopeOf(ctx, { event: o.event, desk: 'CLI' });
      const rows = await call(ctx, 'checkin.attendance', { eventId, day });
      process.stdout.write(o.format === 'json' ? JSON.stringify(rows, null, 2) + '\n' : attendanceCsv(rows));
    });
}
