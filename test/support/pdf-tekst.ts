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

/** The text of each page separately, whitespace runs collapsed: to check what a page holds. */
export async function pdfTekstPerPagina(pdf: Buffer): Promise<string[]> {
  const paginas: string[] = [];
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
      paginas[pagina.pageIndex] = tekst;
      return tekst;
    },
  });
  return paginas;
}

interface PdfPagina {
  pageIndex: number;
  getTextContent(): Promise<{ items: { str: string }[] }>;
}
