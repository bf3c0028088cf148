/** A PDF page's size in points (1/72 inch), which is also CSS's `pt`. */
export interface PageSize {
  widthPt: number;
  heightPt: number;
}

/** The @page rule that makes the printed page exactly the PDF's page, with no margins. */
export function pageRule({ widthPt, heightPt }: PageSize): string {
  const pt = (n: number) => `${Math.round(n * 100) / 100}pt`;
  return `@page { size: ${pt(widthPt)} ${pt(heightPt)}; margin: 0; }`;
}
