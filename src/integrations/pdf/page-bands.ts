import { COLOR, FONT, label, type Doc } from './layout';

/**
 * Header and footer bands on every page, written once all pages exist (the
 * document buffers its pages) so the footer can say "Page n of m". The bottom
 * margin is lifted while stamping: text below it would otherwise open a page.
 */
export function stampPages(
  doc: Doc,
  bands: { headerLeft: string; footerLeft: string; confidential: boolean },
): void {
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index++) {
    doc.switchToPage(index);
    const { margins } = doc.page;
    const saved = margins.bottom;
    margins.bottom = 0;
    const x = margins.left;
    const width = doc.page.width - margins.left - margins.right;
    label(doc, bands.headerLeft, x, 32, { width: width * 0.7 });
    if (bands.confidential) {
      label(doc, 'CONFIDENTIAL', x, 31.5, { width, align: 'right', font: FONT.bold, size: 8.5, color: COLOR.confidential });
    }
    doc.rect(x, 46, width, 0.5).fill(COLOR.rule);
    const footerY = doc.page.height - 40;
    doc.rect(x, footerY - 8, width, 0.5).fill(COLOR.rule);
    label(doc, bands.footerLeft, x, footerY, { width: width * 0.75 });
    label(doc, `Page ${index - start + 1} of ${count}`, x, footerY, { width, align: 'right' });
    margins.bottom = saved;
  }
}
