import { PDFName, type PDFDocument, type PDFObject, type PDFRef } from '@cantoo/pdf-lib';
import { deflated, num } from './raw-pages';

/**
 * A PDF whose pages are written as they finish, the way a long batch (a congress's name tags,
 * its certificates) needs it: pdf-lib keeps every object it is given until save(), so a
 * document built in it grows with the number of people (20,000 tags peaked at 317-332 MB).
 *
 * Here pdf-lib builds only what the pages share (fonts, images, template forms, the info
 * dictionary, the catalog): `doc` is an ordinary PDFDocument with no pages. Each page is
 * written at once as bytes, its content stream deflated and its page dictionary after it,
 * with object numbers taken from pdf-lib's counter, so pdf-lib's own objects (the font
 * subsets it writes at the end) never collide with them. What is held per page is its bytes
 * and two offsets. finish() then writes pdf-lib's objects, the page tree, the cross-reference
 * table and the trailer.
 */
export class StreamedPdf {
  private readonly parts: Uint8Array[] = [];
  private length = 0;
  /** Byte offset of each object written, by object number (0 for none). */
  private readonly offsets: number[] = [];
  /** Object numbers of the page dictionaries, in order. */
  private readonly kids: number[] = [];
  private readonly resources: string;
  private readonly pagesRef: PDFRef;
  private finished = false;

  constructor(
    private readonly doc: PDFDocument,
    resources: Record<string, unknown>,
  ) {
    const ctx = doc.context;
    this.resources = ctx.register(ctx.obj(resources as Parameters<typeof ctx.obj>[0])).toString();
    this.pagesRef = doc.catalog.get(PDFName.of('Pages')) as PDFRef;
    // The header, then a comment with four high bytes (a binary file, as pdf-lib writes it).
    this.push(own('%PDF-1.7\n%\x81\x81\x81\x81\n\n'));
  }

  get pageCount(): number {
    return this.kids.length;
  }

  /** One page: `ops` is its whole content stream as text; `size` is [width, height] in points. */
  addPage(size: readonly [number, number], ops: string): void {
    if (this.finished) throw new Error('StreamedPdf: addPage after finish');
    const ctx = this.doc.context;
    const content = ++ctx.largestObjectNumber;
    const page = ++ctx.largestObjectNumber;
    const body = deflated(ops);
    const head = `${content} 0 obj\n<< /Length ${body.byteLength} /Filter /FlateDecode >>\nstream\n`;
    const end = '\nendstream\nendobj\n';
    const dict =
      `${page} 0 obj\n<< /Type /Page /Parent ${this.pagesRef.toString()} /MediaBox [0 0 ${num(size[0])} ${num(size[1])}] ` +
      `/Resources ${this.resources} /Contents ${content} 0 R >>\nendobj\n`;
    this.offsets[content] = this.length;
    this.offsets[page] = this.length + head.length + body.byteLength + end.length;
    this.kids.push(page);
    // What the batch holds until the end: these bytes, in a buffer of their own (see `own`).
    this.push(own(head, body, end + dict));
  }

  /** pdf-lib's objects (font subsets embedded now), the page tree, xref and trailer: the file. */
  async finish(): Promise<Uint8Array> {
    if (this.finished) throw new Error('StreamedPdf: finish twice');
    this.finished = true;
    const doc = this.doc;
    const ctx = doc.context;
    await doc.flush();
    for (const [ref, obj] of ctx.enumerateIndirectObjects()) {
      if (ref === this.pagesRef) continue;
      this.object(ref.objectNumber, obj);
    }
    const kids = this.kids.map((k) => `${k} 0 R`).join(' ');
    this.offsets[this.pagesRef.objectNumber] = this.length;
    this.push(own(`${this.pagesRef.objectNumber} 0 obj\n<< /Type /Pages /Kids [${kids}] /Count ${this.kids.length} >>\nendobj\n`));

    const size = ctx.largestObjectNumber + 1;
    const xrefAt = this.length;
    // Numbers pdf-lib reserved and never filled are free entries, linked as the format asks.
    const free: number[] = [];
    for (let n = 1; n < size; n++) if (!this.offsets[n]) free.push(n);
    const nextFree = new Map<number, number>();
    [0, ...free].forEach((n, i) => nextFree.set(n, free[i] ?? 0));
    const pad = (v: number, w: number) => String(v).padStart(w, '0');
    let xref = `xref\n0 ${size}\n${pad(nextFree.get(0)!, 10)} 65535 f\r\n`;
    for (let n = 1; n < size; n++) {
      const at = this.offsets[n];
      xref += at ? `${pad(at, 10)} 00000 n\r\n` : `${pad(nextFree.get(n)!, 10)} 00001 f\r\n`;
    }
    const t = ctx.trailerInfo;
    const trailer =
      `trailer\n<< /Size ${size} /Root ${String(t.Root)}` +
      (t.Info ? ` /Info ${String(t.Info)}` : '') +
      (t.ID ? ` /ID ${String(t.ID)}` : '') +
      ` >>\nstartxref\n${xrefAt}\n%%EOF\n`;
    this.push(own(xref + trailer));

    const out = new Uint8Array(this.length);
    let at = 0;
    for (const p of this.parts) {
      out.set(p, at);
      at += p.byteLength;
    }
    this.parts.length = 0;
    return out;
  }

  private object(num: number, obj: PDFObject): void {
    const body = new Uint8Array(obj.sizeInBytes());
    obj.copyBytesInto(body, 0);
    const head = `${num} 0 obj\n`;
    this.offsets[num] = this.length;
    this.push(own(head, body, '\nendobj\n'));
  }

  /** Bytes held by the buffers kept so far (what tests/unit/pdf-streamed.test.ts bounds). */
  heldBytes(): number {
    return [...new Set(this.parts.map((p) => p.buffer))].reduce((s, b) => s + b.byteLength, 0);
  }

  private push(bytes: Uint8Array): void {
    this.parts.push(bytes);
    this.length += bytes.byteLength;
  }
}

/**
 * Text (Latin-1) and bytes joined in a buffer of their own size. Not Buffer.concat or
 * Buffer.from: those slice Node's shared 64 KB pool, which zlib and fontkit also draw from
 * between two pages, so each kept page pinned a pool of its own (a 6,000-tag sheet held 22 MB
 * of pools for 2 MB of pages).
 */
function own(...chunks: (string | Uint8Array)[]): Uint8Array {
  let size = 0;
  for (const c of chunks) size += typeof c === 'string' ? c.length : c.byteLength;
  const out = Buffer.allocUnsafeSlow(size);
  let at = 0;
  for (const c of chunks) at += typeof c === 'string' ? out.write(c, at, 'latin1') : (out.set(c, at), c.byteLength);
  return out;
}
