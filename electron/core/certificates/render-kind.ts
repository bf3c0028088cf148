import JSZip from 'jszip';
import type { Kind } from '../jobs/kind';
import { renderCertificates } from './render/render';
import type { CertData, RenderInput } from './render/types';

export interface CertRenderKindInput {
  base: Omit<RenderInput, 'certificates'>;
  /** `fileName` is used when split: one PDF per person, "<number> <name>.pdf", in a ZIP. */
  certificates: (CertData & { fileName: string })[];
  split: boolean;
  title: string;
}

/**
 * A batch of certificates, rendered in a job's worker thread: pure (plain data in, bytes out),
 * progress per certificate. One PDF, or (split) a ZIP of one PDF per person; the ZIP stores the
 * PDFs as they are (they are compressed already).
 */
export const renderCertificatesKind: Kind<CertRenderKindInput, Uint8Array> = async (input, io) => {
  const total = input.certificates.length;
  if (!input.split) {
    return renderCertificates(
      { ...input.base, certificates: input.certificates },
      { title: input.title, onProgress: (done) => io.progress(done, total) },
    );
  }
  const zip = new JSZip();
  for (let i = 0; i < total; i++) {
    const c = input.certificates[i]!;
    zip.file(c.fileName, await renderCertificates({ ...input.base, certificates: [c] }, { title: `Sertifikat ${c.name}` }), {
      compression: 'STORE',
    });
    io.progress(i + 1, total);
  }
  return zip.generateAsync({ type: 'uint8array' });
};
