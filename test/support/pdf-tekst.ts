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

/**
 * Each page separately: its text (whitespace runs collapsed) and how far down the page the
 * content reaches (0–1; the footer in the bottom margin left out), to find pages that end
 * in white space.
 */
export async function pdfTekstPerPagina(pdf: Buffer): Promise<{ tekst: string; gevuld: number }[]> {
  const paginas: { tekst: string; gevuld: number }[] = [];
  await (
    pdfParse as unknown as (
      data: Buffer,
      opties: { pagerender: (pagina: PdfPagina) => Promise<string> },
    ) => Promise<unknown>
  )(pdf, {
    pagerender: async (pagina) => {
      const inhoud = await pagina.getTextContent();
      const tekst = inhoud.items
        .map((i) => i.str)
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim();
      const hoogte = pagina.view[3] - pagina.view[1];
      // PDF y runs upwards; the footer sits in the 12 mm bottom margin (below 34 pt).
      const laagste = Math.min(
        ...inhoud.items
          .filter((i) => i.str.trim() && i.transform[5] > 40)
          .map((i) => i.transform[5]),
      );
      paginas[pagina.pageIndex] = {
        tekst,
        gevuld: Number.isFinite(laagste) ? (hoogte - laagste) / hoogte : 0,
      };
      return tekst;
    },
  });
  return paginas;
}

interface PdfPagina {
  pageIndex: number;
  view: number[];
  getTextContent(): Promise<{ items: { str: string; transform: number[] }[] }>;
}
