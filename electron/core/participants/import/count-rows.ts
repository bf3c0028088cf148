/**
 * A cheap row count taken BEFORE a CSV is parsed, so that a file far over the row limit is refused
 * without building 100,000 row objects first. It must never count MORE rows than the parser will
 * find, or a file within the limit could be refused; counting fewer is harmless, since read-table
 * repeats the exact check on parsed rows. (A workbook is counted as its sheet streams in:
 * xlsx/sheet.ts.)
 */

/**
 * Non-blank CSV records, quote-aware (a quoted newline does not end a record). A record counts
 * only if it holds a character that survives trimming and is not a delimiter or a quote, so
 * ";;;;", '"",""' and a quoted newline alone are blank here, as they are after parsing.
 */
export function countCsvRecords(text: string): number {
  let records = 0;
  let content = false;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // A plain toggle is enough: a doubled quote toggles twice. A stray quote inside a value
      // may make this miss line ends, which only lowers the count.
      quoted = !quoted;
    } else if (!quoted && (c === 0x0a || c === 0x0d)) {
      if (content) records++;
      content = false;
    } else if (!content && c > 0x20 && c !== 0x2c && c !== 0x3b && !(c >= 0x80 && /\s/.test(text[i]!))) {
      content = true; // \s is what String.trim() removes
    }
  }
  return content ? records + 1 : records;
}
