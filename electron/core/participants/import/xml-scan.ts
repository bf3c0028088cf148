import { HadirError } from '../../../shared/errors';

/**
 * What a streaming XML reader reports. Names are local (a prefix such as `x:` is dropped);
 * `tag` is the raw text between `<` and `>` for attribute lookups with `attr`. A self-closing
 * element is reported as open then close. Text comes raw (entities not decoded) as a stretch of
 * `buf`, and possibly in several pieces: decode it once the element closes, with `decodeXml`.
 * (A stretch rather than a string: most text, such as the spaces between tags, is never kept.)
 */
export interface XmlHandler {
  open(name: string, tag: string): void;
  close(name: string): void;
  text(buf: string, start: number, end: number): void;
  /**
   * Called after each tag with the text and the index past it: a handler may read the elements
   * that follow itself, as the events above would have told them, and return the index where the
   * scanner goes on (`at` when it read nothing). It reads only elements it sees whole in `buf`.
   */
  skim?(buf: string, at: number): number;
}

/** No tag, comment or CDATA section of a spreadsheet part comes near this; a longer one is refused. */
const MAX_TOKEN = 1024 * 1024;

/**
 * A small streaming reader for the XML of spreadsheet parts: bytes in, events out, nothing kept
 * but the unfinished token at the end of a chunk. Spreadsheet XML is machine-written, so this
 * reads what OOXML uses (elements, attributes, text, comments, CDATA, processing instructions)
 * and refuses a DOCTYPE (no entity expansion is ever attempted).
 */
export class XmlScanner {
  private rest = '';
  private readonly decoder = new TextDecoder('utf-8');

  constructor(
    private readonly handler: XmlHandler,
    private readonly part: string,
  ) {}

  write(chunk: Uint8Array | string): void {
    this.feed(typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true }));
  }

  end(): void {
    this.feed(this.decoder.decode());
    if (this.rest.trim() !== '') throw this.damaged('ends inside a tag');
  }

  private feed(s: string): void {
    const buf = this.rest === '' ? s : this.rest + s;
    const h = this.handler;
    let i = 0;
    for (;;) {
      const lt = buf.indexOf('<', i);
      if (lt < 0) {
        if (i < buf.length) h.text(buf, i, buf.length);
        this.rest = '';
        return;
      }
      if (lt > i) h.text(buf, i, lt);
      const next = buf.charCodeAt(lt + 1);
      let end: number;
      if (next === 0x3f /* ? */) {
        end = this.until(buf, lt, '?>');
      } else if (next === 0x21 /* ! */) {
        if (buf.startsWith('<!--', lt)) end = this.until(buf, lt, '-->');
        else if (buf.startsWith('<![CDATA[', lt)) {
          end = this.until(buf, lt, ']]>');
          // Re-escaped, so the handler decodes CDATA like any other text.
          if (end >= 0) {
            const text = buf
              .slice(lt + 9, end - 3)
              .replace(/&/g, '&amp;')
              .replace(/</g, '&lt;');
            h.text(text, 0, text.length);
          }
        } else if (buf.length - lt < 9 && '<![CDATA['.startsWith(buf.slice(lt))) end = -1;
        else throw this.damaged('has a DOCTYPE or an unknown declaration');
      } else {
        end = tagEnd(buf, lt + 1);
        if (end >= 0) {
          this.tag(buf, lt + 1, end - 1);
          if (h.skim) end = h.skim(buf, end);
        }
      }
      if (end < 0) {
        this.rest = buf.slice(lt);
        if (this.rest.length > MAX_TOKEN) throw this.damaged('has a tag longer than 1 MB');
        return;
      }
      i = end;
    }
  }

  /** Index just past `close`, searching from `from`; -1 when the chunk ends first. */
  private until(buf: string, from: number, close: string): number {
    const at = buf.indexOf(close, from + 2);
    return at < 0 ? -1 : at + close.length;
  }

  /** The tag between `start` (after `<`) and `end` (at `>`). Read in place: a sheet has millions. */
  private tag(buf: string, start: number, end: number): void {
    if (buf.charCodeAt(start) === 0x2f /* / */) {
      this.handler.close(localName(buf.slice(start + 1, end).trim()));
      return;
    }
    const selfClosing = buf.charCodeAt(end - 1) === 0x2f;
    let nameEnd = start;
    while (nameEnd < end && !endsName(buf.charCodeAt(nameEnd))) nameEnd++;
    const name = localName(buf.slice(start, nameEnd));
    if (name === '') throw this.damaged('has an element without a name');
    this.handler.open(name, buf.slice(start, end));
    if (selfClosing) this.handler.close(name);
  }

  private damaged(why: string): HadirError {
    return new HadirError('import_unreadable', `The workbook part ${this.part} ${why}.`, { reason: `${this.part} ${why}` });
  }
}

/** Index just past the `>` that ends the tag opened before `from`, skipping quoted attribute values. */
export function tagEnd(buf: string, from: number): number {
  let quote = 0;
  for (let j = from; j < buf.length; j++) {
    const c = buf.charCodeAt(j);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x3e) return j + 1;
  }
  return -1;
}

/** Whitespace or `/`: what ends an element's name in its tag. */
const endsName = (c: number) => c === 0x20 || c === 0x2f || c === 0x09 || c === 0x0a || c === 0x0d;

function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
}

const ATTR = new Map<string, RegExp>();

/** An attribute's decoded value from a raw tag; `name` may be `*:id` to accept any prefix. */
export function attr(tag: string, name: string): string | undefined {
  let re = ATTR.get(name);
  if (!re) {
    const key = name.startsWith('*:') ? `[\\w.-]+:${name.slice(2)}` : name.replace(/[.:]/g, '\\$&');
    ATTR.set(name, (re = new RegExp(`\\s${key}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  }
  const m = re.exec(tag);
  if (!m) return undefined;
  return decodeXml(m[1] ?? m[2] ?? '');
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML's five named entities and numeric character references. */
export function decodeXml(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref]!;
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
