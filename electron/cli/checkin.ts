import type { Command } from 'commander';
import type { AttendanceRow } from '../shared/checkin';
import { csvDataLine, csvQuote } from '../core/participants/csv';
import { call, CliFailure, openCli } from './run';

function dayOption(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d{1,2}$/.test(v) || Number(v) < 1) throw new CliFailure(`--day must be a day number (1, 2, …): ${v}`, 2);
  return Number(v);
}

async function activeEventId(ctx: ReturnType<typeof openCli>): Promise<number> {
  const e = await call(ctx, 'event.get', {});
  if (!e) throw new CliFailure('No event yet. Create one with `hadir event create` or in the kiosk.');
  return e.id;
}

const CSV_HEADERS = ['Hari', 'Tanggal', 'Kode Badge', 'Nama', 'Kabupaten/Kota', 'Instansi', 'Peran', 'Jam', 'Meja'];

export function attendanceCsv(rows: AttendanceRow[]): string {
  const lines = [CSV_HEADERS.map(csvQuote).join(',')];
  for (const r of rows)
    lines.push(csvDataLine([String(r.dayNo), r.date, r.code, r.name, r.regency, r.institution, r.role, r.time, r.desk]));
  return lines.join('\r\n') + '\r\n';
}

export function checkinCommands(program: Command) {
  program
    .command('checkin <code>')
    .description('check a badge in (full QR text or the 8-character code); prints the verdict as one JSON line')
    .option('--day <n>', "event day number (default: today's date in the event's time zone)")
    .option('--desk <name>', 'desk name written to the scan log', 'cli')
    .option('--data-dir <dir>', 'data folder')
    .action(async (code: string, o) => {
      const day = dayOption(o.day);
      const ctx = openCli(o.dataDir);
      const eventId = await activeEventId(ctx);
      const out = await call(ctx, 'checkin.scan', { eventId, desk: o.desk, text: code, input: 'cli', day });
      console.log(JSON.stringify(out));
      // green and amber let the person in; red and "not a badge" do not.
      if (out.verdict !== 'green' && out.verdict !== 'amber') process.exitCode = 1;
    });
  program
    .command('attendance')
    .description('who was present, per event day (all days unless --day)')
    .option('--day <n>', 'event day number')
    .option('--format <fmt>', 'csv or json', 'csv')
    .option('--data-dir <dir>', 'data folder')
    .action(async (o) => {
      if (o.format !== 'csv' && o.format !== 'json') throw new CliFailure('--format must be csv or json', 2);
      const day = dayOption(o.day);
      const ctx = openCli(o.dataDir);
      const rows = await call(ctx, 'checkin.attendance', { eventId: await activeEventId(ctx), day });
      process.stdout.write(o.format === 'json' ? JSON.stringify(rows, null, 2) + '\n' : attendanceCsv(rows));
    });
}
