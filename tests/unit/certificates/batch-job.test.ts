import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { listPrints } from '../../../electron/db/repositories/certificates';
import { ok, scope } from '../../helpers/ctx';
import { psmEvent, scan } from './helpers';
import { pdfText } from './raster';

describe('certificate batches as a job', () => {
  it('renders everyone who qualifies in a worker with progress; split gives "<number> <name>.pdf" files', async () => {
    const { ctx, event, ids } = await psmEvent();
    const names = ['Abdul Rozak', 'Mariana, A.Md.', 'Yusuf Efendi, S.H.'];
    for (const n of names) for (const d of [1, 2]) scan(ctx, event, ids.get(n)!, d);

    const started = await ok(ctx, 'jobs.start', { job: 'certificates.batch', input: { ...scope(ctx), allEligible: true } });
    const end = await ctx.jobs.settled(started.id);
    expect(end).toMatchObject({ state: 'done', phase: 'render', done: 3, total: 3 });
    const res = (await ok(ctx, 'jobs.result', { id: started.id })) as {
      count: number;
      file: { bytes: Uint8Array; fileName: string };
    };
    expect(res.count).toBe(3);
    expect(res.file.fileName).toBe(`sertifikat-${event.id}-3.pdf`);
    const text = pdfText(res.file.bytes, 1) + pdfText(res.file.bytes, 2) + pdfText(res.file.bytes, 3);
    for (const n of names) expect(text).toContain(n);
    expect(listPrints(ctx.db, event.id).map((p) => p.via)).toEqual(['batch', 'batch', 'batch']);

    const split = await ok(ctx, 'certificates.batch', {
      ...scope(ctx),
      participantIds: [ids.get('Mariana, A.Md.')!, ids.get('Abdul Rozak')!],
      split: true,
    });
    expect(split.file.mime).toBe('application/zip');
    const zip = await JSZip.loadAsync(split.file.bytes);
    expect(Object.keys(zip.files).sort()).toEqual([
      '001-PSM-DINSOS-IX-2022 Abdul Rozak.pdf',
      '002-PSM-DINSOS-IX-2022 Mariana, A.Md.pdf',
    ]);
    const one = await zip.file('002-PSM-DINSOS-IX-2022 Mariana, A.Md.pdf')!.async('uint8array');
    expect(pdfText(one)).toContain('Nomor: 002/PSM/DINSOS/IX/2022');
  });

  it('a cancelled batch logs no print and gives back the numbers it took', async () => {
    const { ctx, event, ids } = await psmEvent();
    for (const id of ids.values()) for (const d of [1, 2]) scan(ctx, event, id, d);
    const started = await ok(ctx, 'jobs.start', { job: 'certificates.batch', input: { ...scope(ctx), allEligible: true } });
    while ((await ok(ctx, 'jobs.status', { id: started.id })).state !== 'running') await new Promise((r) => setTimeout(r, 5));
    const end = await ok(ctx, 'jobs.cancel', { id: started.id });
    expect(end.state).toBe('cancelled');
    expect(listPrints(ctx.db, event.id)).toEqual([]);
    await ctx.jobs.settled(started.id);
    expect((await ok(ctx, 'certificates.list', { status: 'issued' })).rows).toHaveLength(0);
    // Numbers are given before drawing starts and taken back when no PDF came out.
    const again = await ok(ctx, 'certificates.batch', { ...scope(ctx), allEligible: true });
    expect(again.count).toBe(66);
    expect((await ok(ctx, 'certificates.list', { status: 'issued' })).rows).toHaveLength(66);
  });
});
