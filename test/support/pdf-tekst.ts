// pdf-parse's index runs a self-test when loaded without a parent module; load the library itself.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfParse = require('pdf-parse/lib/pdf-parse.js') as (
  data: Buffer,
) => Promise<{ text: string; numpages: number }>;

/** The text of a PDF as a PDF reader extracts it, with whitespace runs collapsed. */
export async function pdfTekst(pdf: Buffer): Promise<{ tekst: string; paginas: number }> {
  const { text, numpages } = await pdfParse(pdf);
  return { tekst: text.replace(/\s+/g, ' ').trim(), paginas: numpages };
}
