import { loadConfig, PdfService } from '@wijkkompas/core';
import { pdfTekst } from './support/pdf-tekst';

describe('PDF-weergave met Chromium', () => {
  const config = loadConfig({ ...process.env, NODE_ENV: 'test' });
  const pdf = new PdfService(config);

  afterAll(() => pdf.onModuleDestroy());

  it('renders a self-contained HTML document whose text can be read back out', async () => {
    expect(pdf.beschikbaar()).toBe(true);
    const html = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Proef</title></head>
      <body><h1>Verantwoordingsdossier 3e kwartaal</h1>
      <table><caption>KPI's</caption><tr><th scope="col">KPI</th><th scope="col">Realisatie</th></tr>
      <tr><td>Percentage vragen binnen 5 werkdagen opgepakt</td><td>82,5%</td></tr></table>
      <svg role="img" aria-label="trend" width="80" height="20"><polyline points="0,10 40,5 80,2" stroke="black" fill="none"/></svg>
      <img src="https://example.invalid/tracker.png" alt="">
      </body></html>`;
    const buffer = await pdf.render(html, { voettekst: 'Gemeente Voorbeeldstad' });
    expect(buffer.subarray(0, 5).toString()).toBe('%PDF-');
    const { tekst, paginas } = await pdfTekst(buffer);
    expect(paginas).toBe(1);
    expect(tekst).toContain('Verantwoordingsdossier 3e kwartaal');
    expect(tekst).toContain('Percentage vragen binnen 5 werkdagen opgepakt');
    expect(tekst).toContain('82,5%');
    expect(tekst).toContain('Pagina 1 van 1');
    expect(tekst).toContain('Gemeente Voorbeeldstad');
  });

  it("takes the page size and orientation from the document's CSS, A4 portrait without it", async () => {
    /** Every page as 'A4 liggend' or 'A4 staand' (within a point), from the PDF's MediaBoxes. */
    const paginas = (pdfBuffer: Buffer) =>
      [
        ...pdfBuffer.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g),
      ].map(([, b, h]) => {
        const [breed, hoog] = [Number(b), Number(h)];
        const a4 = (x: number, y: number) => Math.abs(x - 841.9) <= 1 && Math.abs(y - 595.3) <= 1;
        return a4(breed, hoog) ? 'A4 liggend' : a4(hoog, breed) ? 'A4 staand' : `${b} × ${h}`;
      });
    const document = (css: string) =>
      `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Proef</title><style>${css}</style></head><body><p>Dossier</p></body></html>`;
    expect(
      paginas(await pdf.render(document('@page { size: A4 landscape; margin: 12mm; }'))),
    ).toEqual(['A4 liggend']);
    expect(paginas(await pdf.render(document('')))).toEqual(['A4 staand']);
  });

  it('says clearly when Chromium is missing', async () => {
    const zonder = new PdfService({ ...config, chromiumPath: '/bestaat/niet/chromium' });
    expect(zonder.beschikbaar()).toBe(false);
    await expect(zonder.render('<p>x</p>')).rejects.toMatchObject({
      kind: 'unavailable',
      title: 'PDF-weergave is niet beschikbaar',
    });
  });
});
