import type { BadgeLayoutId } from '../../shared/badges';
import type { Rect } from '../pdf/geometry';

/** A cut line segment on the page, in mm. */
export interface Line {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** What a tag of a given size holds where: see tag-layout.ts. */
export interface TagSpec {
  w: number;
  h: number;
  /** 'side': QR on the right, text beside it (landscape cards); 'stack': QR below the text. */
  template: 'side' | 'stack';
  /** Nothing is drawn closer than this to the tag's edge: a cut that misses by 1-2 mm stays clean. */
  margin: number;
  /** Side of the QR symbol (21 modules), without its quiet zone. */
  qr: number;
  /** White kept around the symbol, in modules (4, the standard's, unless set). */
  quiet?: number;
  /** Largest size of the name, in points. */
  nameMax: number;
}

export interface Sheet {
  id: BadgeLayoutId;
  page: { w: number; h: number };
  tag: TagSpec;
  /** Where each tag of a page sits, in reading order. */
  slots: Rect[];
  /** Marks in the page margins along every cut line; never inside a tag. */
  cutMarks: Line[];
}

/**
 * A grid of tags with no gutters (card stock is perforated that way, and a guillotine then
 * needs one cut per line), centred on the page, with marks in the margins along each cut line.
 * Marks start 5 mm from the paper's edge (a laser printer cannot print closer) and stop 1.5 mm
 * short of the grid, so a mark never lands on a tag.
 */
function grid(id: BadgeLayoutId, page: Sheet['page'], tag: TagSpec, cols: number, rows: number): Sheet {
  const left = (page.w - cols * tag.w) / 2;
  const top = (page.h - rows * tag.h) / 2;
  const slots: Rect[] = [];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) slots.push({ x: left + c * tag.w, y: top + r * tag.h, w: tag.w, h: tag.h });
  const edge = 5;
  const gap = 1.5;
  const cutMarks: Line[] = [];
  for (let c = 0; c <= cols; c++) {
    const x = left + c * tag.w;
    cutMarks.push({ x1: x, y1: edge, x2: x, y2: top - gap });
    cutMarks.push({ x1: x, y1: top + rows * tag.h + gap, x2: x, y2: page.h - edge });
  }
  for (let r = 0; r <= rows; r++) {
    const y = top + r * tag.h;
    cutMarks.push({ x1: edge, y1: y, x2: left - gap, y2: y });
    cutMarks.push({ x1: left + cols * tag.w + gap, y1: y, x2: page.w - edge, y2: y });
  }
  return { id, page, tag, slots, cutMarks };
}

const A4 = { w: 210, h: 297 };

/**
 * The A4 cards' QR: 42 mm with a 2-module (4 mm) quiet zone, chosen on webcam-like frames
 * (tests/bench/badges.ts decodeRates, 24 frames per scale, zxing-cpp, one frame, A4-10):
 * 35 mm / 4 modules read 79 % over 0.30-0.45 mm per pixel and 63 % at 0.45; 40 mm / 2.5 read
 * 91 % and 88 %; 42 mm / 2 read 98 % and 100 %. A module is then 2 mm, 4.4 px at 0.45 mm/px.
 * Less white buys the larger symbol with the name column as wide as 40 / 2.5 left it (the
 * fixture's 60-character name 11.5 pt on four lines, a 146-character one 5.6 pt); zxing-cpp
 * and zbar need no more than 2 modules, and the card's white margin runs on past it on the
 * sides that face the cut. docs/engineering/badge-qr-size.md has the figures.
 */
const A4_QR = { qr: 42, quiet: 2 };

export const SHEETS: Record<BadgeLayoutId, Sheet> = {
  // 2 x 4 cards of 90 x 65 mm, the size of the common clear badge holders.
  'a4-8': grid('a4-8', A4, { w: 90, h: 65, template: 'side', margin: 3, ...A4_QR, nameMax: 17 }, 2, 4),
  // 2 x 5 business-card stock, 90 x 54 mm each (sold as "54 x 90").
  'a4-10': grid('a4-10', A4, { w: 90, h: 54, template: 'side', margin: 3, ...A4_QR, nameMax: 16 }, 2, 5),
  // One tag per A6 page; 6 mm margins stay clear of what a printer cannot reach.
  a6: {
    id: 'a6',
    page: { w: 105, h: 148 },
    tag: { w: 105, h: 148, template: 'stack', margin: 6, qr: 52, nameMax: 30 },
    slots: [{ x: 0, y: 0, w: 105, h: 148 }],
    cutMarks: [],
  },
  // Brother QL 62 mm continuous roll, one label per page, portrait (a label wider than tall
  // may be rotated by the driver). About 61 mm of the width is printable and the printer adds
  // its own margin at the ends, hence 3 mm at the sides and more at the ends.
  'roll-62': {
    id: 'roll-62',
    page: { w: 62, h: 100 },
    tag: { w: 62, h: 100, template: 'stack', margin: 3, qr: 36, nameMax: 20 },
    slots: [{ x: 0, y: 0, w: 62, h: 100 }],
    cutMarks: [],
  },
};

export const tagsPerPage = (id: BadgeLayoutId) => SHEETS[id].slots.length;
