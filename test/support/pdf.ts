import { PDFParse } from 'pdf-parse';

/** The text a reader (or a search engine) gets out of a PDF. */
export async function pdfText(pdf: Uint8Array): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}
