import fs from 'node:fs';
import type { Command } from 'commander';
import type { HadirEvent } from '../shared/event';
import { eventTransferCommands } from './event-transfer';
import { call, CliFailure, deskOptions, deskScopeOf, openCli } from './run';
import { TIME_ZONES, ZONE_LABEL, type TimeZone } from '../shared/time-zone';

const collect = (v: string, prev: string[]) => [...prev, v];

/** WIB, WITA or WIT (or the IANA name) to the zone the event stores. */
function zoneOption(v: string): TimeZone {
  const hit = TIME_ZONES.find((z) => z.toLowerCase() === v.toLowerCase() || ZONE_LABEL[z].toLowerCase() === v.toLowerCase());
  if (!hit) throw new CliFailure(`--time-zone must be WIB, WITA or WIT: ${v}`, 2);
  return hit;
}

export function formatEvent(e: HadirEvent): string {
  return [
    e.name,
    `  Penyelenggara / Organiser: ${e.organiser}`,
    `  Tempat / Venue:            ${e.venue}, ${e.city}`,
    `  Hari / Days:               ${e.days.map((d) => `${d.dayNo}) ${d.date}`).join('  ')} (${ZONE_LABEL[e.timeZone]})`,
    `  Penanda tangan / Signatory: ${e.signatoryName}, ${e.signatoryTitle}${e.signatoryNip ? `, NIP ${e.signatoryNip}` : ''}`,
    `  Peserta / Participants:    ${e.participantCount}`,
    `  Logo:                      ${e.logo ? `${e.logo.mime}, ${Math.ceil(e.logo.bytes / 1024)} KB` : '-'}`,
  ].join('\n');
}

export function eventCommands(program: Command) {
  const event = program.command('event').description('create or show the event');
  event
    .command('create')
    .description("create an event and make it the kiosk's default")
    .requiredOption('--name <text>', 'event name')
    .requiredOption('--organiser <text>', 'organising office')
    .requiredOption('--venue <text>', 'venue')
    .requiredOption('--city <text>', 'city')
    .requiredOption('--day <YYYY-MM-DD>', 'an event day (repeat for each day)', collect, [])
    .requiredOption('--signatory-name <text>', 'who signs the certificates')
    .requiredOption('--signatory-title <text>', "the signatory's title")
    .option('--signatory-nip <digits>', "the signatory's NIP (18 digits)", '')
    .option('--time-zone <zone>', "where the event is held: WIB, WITA or WIT (decides which day is 'today')", 'WIB')
    .option('--data-dir <dir>', 'data folder')
    .action(async (o) => {
      const ctx = await openCli(o.dataDir);
      const e = await call(ctx, 'event.create', {
        name: o.name,
        organiser: o.organiser,
        venue: o.venue,
        city: o.city,
        days: o.day,
        signatoryName: o.signatoryName,
        signatoryTitle: o.signatoryTitle,
        signatoryNip: o.signatoryNip,
        timeZone: zoneOption(o.timeZone),
      });
      console.log(formatEvent(e));
    });
  event
    .command('demo')
    .description('create the demo event (PSM training, Lampung 2022) with its 66 participants')
    .option('--data-dir <dir>', 'data folder')
    .action(async (o) => console.log(formatEvent(await call(await openCli(o.dataDir), 'event.createDemo', {}))));
  event
    .command('list')
    .description("list the events on this kiosk (* = the kiosk's default event)")
    .option('--data-dir <dir>', 'data folder')
    .action(async (o) => {
      for (const e of await call(await openCli(o.dataDir), 'event.list', {})) {
        console.log(
          `${e.active ? '*' : ' '} ${String(e.id).padStart(3)}  ${e.firstDay ?? '?'}  ${String(e.participantCount).padStart(5)}  ${e.name}`,
        );
      }
    });
  eventTransferCommands(event);
  event
    .command('use <id>')
    .description("make another event the kiosk's default (the CLI's, and where a new desk starts)")
    .option('--data-dir <dir>', 'data folder')
    .action(async (id: string, o) => {
      if (!/^\d+$/.test(id)) throw new CliFailure(`Event id must be a number: ${id}`, 2);
      console.log(formatEvent(await call(await openCli(o.dataDir), 'event.activate', { id: Number(id) })));
    });
  event
    .command('show')
    .description("show the kiosk's default event, or --event N")
    .option('--event <id>', 'another event')
    .option('--json', 'print JSON')
    .option('--data-dir <dir>', 'data folder')
    .action(async (o) => {
      if (o.event !== undefined && !/^\d+$/.test(o.event)) throw new CliFailure(`--event must be an event number: ${o.event}`, 2);
      const e = await call(await openCli(o.dataDir), 'event.get', o.event ? { eventId: Number(o.event) } : {});
      if (!e) throw new CliFailure('No event yet. Create one with `hadir event create` or in the kiosk.');
      console.log(o.json ? JSON.stringify(e, null, 2) : formatEvent(e));
    });
  deskOptions(
    event.command('logo [file]').description("set the organiser's logo (PNG or JPEG, up to 1 MB), or remove it with --remove"),
  )
    .option('--remove', 'remove the logo')
    .option('--data-dir <dir>', 'data folder')
    .action(async (file: string | undefined, o) => {
      if (!file === !o.remove) throw new CliFailure('Give a PNG or JPEG file, or --remove.', 2);
      let bytes: Uint8Array | null = null;
      if (file) {
        try {
          bytes = fs.readFileSync(file);
        } catch (e) {
          throw new CliFailure(`Cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, 2);
        }
      }
      const ctx = await openCli(o.dataDir);
      console.log(formatEvent(await call(ctx, 'event.setLogo', { ...(await deskScopeOf(ctx, o)), bytes })));
    });
}
