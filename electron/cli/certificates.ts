import { warnUndrawn } from './undrawn';
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { call, CliFailure, deskOptions, deskScopeOf, dispatchCli, openCli } from './run';

export function certificateCommands(program: Command) {
  deskOptions(
    program
      .command('certificates')
      .description(
        'print certificates as one PDF (--out) and/or one PDF per participant (--split DIR); numbers are given at first print',
      ),
  )
    .option('--only <code-or-id...>', 'only these participants: badge codes or participant ids')
    .option('--all-eligible', 'everyone who qualifies (the default when --only is not given)')
    .option('--split <dir>', 'also write one file per participant, "<number> <name>.pdf", into DIR')
    .option('--out <file.pdf>', 'the PDF with every certificate')
    .option('--data-dir <dir>', 'data folder')
    .action(async (o) => {
      if (!o.out && !o.split) throw new CliFailure('Give --out FILE.pdf and/or --split DIR.', 2);
      if (o.only && o.allEligible) throw new CliFailure('Give --only or --all-eligible, not both.', 2);
      const only: string[] = o.only ?? [];
      const ids = only.filter((v) => /^\d+$/.test(v)).map(Number);
      const codes = only.filter((v) => !/^\d+$/.test(v));
      const whom = only.length ? { participantIds: ids, codes } : { allEligible: true };
      const ctx = await openCli(o.dataDir);
      const scope = await deskScopeOf(ctx, o);
      if (o.out) {
        const r = await call(ctx, 'certificates.batch', { ...scope, ...whom, split: false });
        fs.writeFileSync(o.out, r.file.bytes);
        console.log(`Wrote ${r.count} certificate(s) to ${o.out}`);
        warnUndrawn(r.undrawable);
      }
      if (o.split) {
        const r = await call(ctx, 'certificates.batch', { ...scope, ...whom, split: true });
        fs.mkdirSync(o.split, { recursive: true });
        const { default: JSZip } = await import('jszip');
        const zip = await JSZip.loadAsync(r.file.bytes);
        for (const f of Object.values(zip.files)) {
          fs.writeFileSync(path.join(o.split, path.basename(f.name)), await f.async('uint8array'));
        }
        console.log(`Wrote ${r.count} file(s) to ${o.split}`);
        if (!o.out) warnUndrawn(r.undrawable);
      }
    });

  program
    .command('verify <qrtext>')
    .description(
      'check the text of a certificate QR: one JSON line {"verdict":"authentic"|"forged"|"revoked",…}; exit 0 only if authentic',
    )
    .option('--data-dir <dir>', 'data folder')
    .action(async (text: string, o) => {
      const res = await dispatchCli(await openCli(o.dataDir), 'certificates.verify', { text });
      if (!res.ok) throw new CliFailure(res.error.message);
      console.log(JSON.stringify(res.value));
      if (res.value.verdict !== 'authentic') process.exitCode = 1;
    });
}
