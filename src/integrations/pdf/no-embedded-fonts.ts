/**
 * Stands in for fontkit in the Lambda bundles. pdfkit needs fontkit only to
 * embed TrueType/OpenType fonts; the reports use the PDF standard fonts, so
 * the 700 KB fontkit + brotli would only weigh down every cold start.
 */
export function create(): never {
  throw new Error('Embedded fonts are not bundled; use a PDF standard font');
}
