import { DEMO_CBS_CODE, DemoSeedService, Rol } from '@wijkkompas/core';
import { createTestApp, freeCbsCode, login, TestApp, unique } from '@wijkkompas/core/testing';
import { randomInt } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { pdfTekstPerPagina } from './support/pdf-tekst';

/**
 * The demo dossier as people bring it to the table: the PDF read back page by page. Goals
 * flow on (no page with a single KPI and white space), the trend table and the review round
 * are there, the story header names its perceel once. Set DOSSIER_PDF=/pad.pdf to keep it.
 */
describe('Het demodossier als PDF', () => {
  let t: TestApp;
  const dataDir = mkdtempSync(join(tmpdir(), 'wijkkompas-demo-pdf-'));
  let paginas: string[];
  let gevuld: number[];

  beforeAll(async () => {
    t = await createTestApp({ dataDir });
    // The demo data in a gemeente of its own: other specs load Voorbeeldstad into this database.
    const sleutel = unique('pdf').toLowerCase();
    const gebruikers = await t.app.get(DemoSeedService).seed({
      gemeenteNaam: `Gemeente Voorbeeldstad ${sleutel}`,
      cbsCode: await freeCbsCode(t.dataSource),
      domein: `${sleutel}.voorbeeldstad.example`,
      aanbiederDomeinVoorvoegsel: `${sleutel}.`,
      kvkVoorvoegsel: String(randomInt(100000, 999999)),
      bewaarGebruikers: false,
    });
    const cm = gebruikers.find((g) => g.rol === Rol.Contractmanager)!;
    const sessie = await login(t.app, cm.email, cm.password);
    const http = () => request(t.app.getHttpServer());
    const lijst = await http().get('/api/v1/dossiers').set(sessie.auth).expect(200);
    const [dossier] = (lijst.body.items as { id: string; status: string }[]).filter(
      (d) => d.status === 'gereed',
    );
    const pdf = await http()
      .get(`/api/v1/dossiers/${dossier.id}/pdf`)
      .set(sessie.auth)
      .buffer(true)
      .parse((res, cb) => {
        const delen: Buffer[] = [];
        res.on('data', (d: Buffer) => delen.push(d));
        res.on('end', () => cb(null, Buffer.concat(delen)));
      })
      .expect(200);
    if (process.env.DOSSIER_PDF) writeFileSync(process.env.DOSSIER_PDF, pdf.body as Buffer);
    const gelezen = await pdfTekstPerPagina(pdf.body as Buffer);
    paginas = gelezen.map((p) => p.tekst);
    gevuld = gelezen.map((p) => p.gevuld);
    void DEMO_CBS_CODE;
  }, 120_000);
  afterAll(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints the pages', () => {
    if (process.env.DOSSIER_PDF)
      paginas.forEach((p, i) =>
        console.log(`pagina ${i + 1}: ${Math.round(gevuld[i] * 100)}% gevuld`),
      );
    if (process.env.DOSSIER_PDF)
      paginas.forEach((p, i) =>
        console.log(`pagina ${i + 1} (${p.length} tekens): ${p.slice(0, 300)}`),
      );
    expect(paginas.length).toBeGreaterThan(1);
  });

  it('has no page with a single KPI followed by blank space: goals flow on', () => {
    // The pages of the KPI tables, each with the KPI codes it carries and how full it is.
    const kpiPaginas = paginas
      .map((tekst, i) => ({
        pagina: i + 1,
        codes: [...new Set(tekst.match(/\bNRD-\d{2}\b/g) ?? [])],
        gevuld: Math.round(gevuld[i] * 100),
        kpiTabel: tekst.includes('Realisatie t.o.v. streefwaarde'),
      }))
      .filter((p) => p.kpiTabel && p.pagina < paginas.length);
    expect(kpiPaginas.length).toBeGreaterThan(0);
    // A page with one KPI is filled to the bottom (a long row, or what comes next), never one
    // row and white space; before, page 5 held one KPI and blank space.
    const halfLeeg = kpiPaginas.filter((p) => p.codes.length <= 1 && p.gevuld < 75);
    expect(halfLeeg).toEqual([]);
  });

  it('opens with where the aanbieder stands, in three lines', () => {
    expect(paginas[0]).toContain('Waar de aanbieder staat');
    expect(paginas[0]).toMatch(/KPI's in Q3 2026: \d+ op koers, \d+ let op, \d+ uit koers/);
    expect(paginas[0]).toMatch(/Signalen: \d+ signa(al staat|len staan) open/);
    expect(paginas[0]).toMatch(/Opdrachten: /);
  });

  it('has the trend table and the review round, and names a story’s perceel once', () => {
    const tekst = paginas.join(' ');
    expect(tekst).toContain('Trend per kwartaal: realisatie met de streefwaarde');
    expect(tekst).toMatch(/norm \d/);
    expect(tekst).toContain('Beoordelingsronde');
    expect(tekst).toMatch(/Revisie 1: ingediend \d+ \w+ \d{4}, teruggezet \d+ \w+ \d{4}/);
    expect(tekst).toContain('Vragen en antwoorden bij revisie 1');
    expect(tekst).toContain('Wat is de oorzaak');
    expect(tekst).toContain('De afwijking komt door twee vertrokken medewerkers');
    expect(tekst).not.toMatch(/Perceel Perceel/);
    expect(tekst).toContain('alleen actieve opdrachten; aanvragen tellen niet mee');
    // Wijkteams Noord's hoofdopdracht was extended: the dossier shows the verlenging in force.
    expect(tekst).toContain('Versies en wijzigingen tot de peildatum');
    expect(tekst).toContain('Verlenging met twee jaar conform de optie in de overeenkomst');
    expect(tekst).toContain('tot en met 31 december 2028');
  });
});
