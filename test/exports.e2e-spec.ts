import ExcelJS from 'exceljs';
import { createTestApp, TestApp } from '@wijkkompas/core/testing';
import request from 'supertest';
import { maakVerantwoordingFixture, VerantwoordingFixture } from './support/verantwoording-fixture';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function binair(req: request.Test): request.Test {
  return req.buffer(true).parse((res, cb) => {
    const delen: Buffer[] = [];
    res.on('data', (d: Buffer) => delen.push(d));
    res.on('end', () => cb(null, Buffer.concat(delen)));
  });
}

async function leesBlad(bestand: Buffer): Promise<{ kop: string[]; rijen: unknown[][] }> {
  const boek = new ExcelJS.Workbook();
  await boek.xlsx.load(bestand as unknown as ArrayBuffer);
  const blad = boek.worksheets[0];
  const rijen: unknown[][] = [];
  blad.eachRow((rij) => rijen.push((rij.values as unknown[]).slice(1)));
  return { kop: rijen[0] as string[], rijen: rijen.slice(1) };
}

/**
 * Exports: an account with every figure (read back by exceljs, the library that writes it),
 * the import template that imports unchanged once filled in, one KPI over quarters, the
 * register and the budget overview; read scopes as everywhere (404 outside).
 */
describe('Exports (CSV en XLSX) en het importsjabloon', () => {
  let t: TestApp;
  let f: VerantwoordingFixture;
  let id: string;
  let etag: string;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await createTestApp();
    f = await maakVerantwoordingFixture(t, {
      aantalPercelen: 3,
      kpis: [
        { code: 'BER-01', naam: 'Bereikte inwoners', aggregatie: 'som' },
        {
          code: 'GEM-01',
          naam: 'Tevredenheid',
          aggregatie: 'gemiddelde',
          eenheid: 'score',
        },
        {
          code: 'GEW-01',
          naam: 'Eerste gesprek binnen 5 werkdagen',
          aggregatie: 'gewogen-gemiddelde',
          eenheid: 'percentage',
        },
        { code: 'TOT-01', naam: 'Wachtlijst', perPerceel: false },
      ],
    });
    const res = await http()
      .post('/api/v1/kwartaalverantwoordingen')
      .set(f.auth.teamleider)
      .send({ rapportageperiodeId: f.periode.id })
      .expect(201);
    id = res.body.id;
    etag = res.headers.etag as string;
  });
  afterAll(() => t.close());

  it('the template lists every expected figure, and imports unchanged once filled in', async () => {
    const res = await binair(
      http()
        .get(`/api/v1/kwartaalverantwoordingen/${id}/importsjabloon?formaat=xlsx`)
        .set(f.auth.teamleider),
    ).expect(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="importsjabloon-.*\.xlsx"$/,
    );
    const boek = new ExcelJS.Workbook();
    await boek.xlsx.load(res.body as ArrayBuffer);
    const blad = boek.worksheets[0];
    const kop = (blad.getRow(1).values as string[]).slice(1);
    expect(kop.slice(0, 7)).toEqual([
      'kpi-code',
      'perceel',
      'waarde',
      'gewicht',
      'datakwaliteit',
      'toelichting',
      'bron',
    ]);
    const regels: [string, string | null, string][] = [];
    blad.eachRow((rij, n) => {
      if (n === 1) return;
      regels.push([rij.getCell(1).text, rij.getCell(2).text || null, rij.getCell(9).text]);
    });
    // Three per-perceel KPIs × 3 percelen, and the KPI reported once.
    expect(regels).toHaveLength(10);
    expect(regels.filter(([code]) => code === 'TOT-01')).toEqual([['TOT-01', null, 'aantal']]);
    expect(regels.filter(([code]) => code === 'GEW-01').map(([, p]) => p)).toEqual(
      f.percelen.map((p) => p.naam),
    );
    // Fill it in as a user would: a value in every row, a weight where the KPI needs one.
    blad.eachRow((rij, n) => {
      if (n === 1) return;
      rij.getCell(3).value = 10 + n;
      if (rij.getCell(1).text === 'GEW-01') rij.getCell(4).value = n * 10;
    });
    const ingevuld = Buffer.from(await boek.xlsx.writeBuffer());
    const upload = await http()
      .post(`/api/v1/kwartaalverantwoordingen/${id}/imports`)
      .set(f.auth.teamleider)
      .set('If-Match', etag)
      .attach('bestand', ingevuld, 'sjabloon.xlsx');
    expect(upload.status).toBe(201);
    expect(upload.body).toMatchObject({ aantalRijen: 10, toegevoegd: 10 });
    etag = upload.headers.etag as string;

    // The CSV template reads the same.
    const csv = await http()
      .get(`/api/v1/kwartaalverantwoordingen/${id}/importsjabloon?formaat=csv`)
      .set(f.auth.teamleider)
      .expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const regelsCsv = csv.text
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(regelsCsv[0]).toBe(
      'kpi-code;perceel;waarde;gewicht;datakwaliteit;toelichting;bron;kpi-naam;eenheid;aggregatie;verplicht',
    );
    expect(regelsCsv).toHaveLength(11);
  });

  it('an exported account XLSX, read back by exceljs, holds every figure of the account', async () => {
    const account = (
      await http().get(`/api/v1/kwartaalverantwoordingen/${id}`).set(f.auth.cm).expect(200)
    ).body as Body;
    const res = await binair(
      http().get(`/api/v1/kwartaalverantwoordingen/${id}/export?formaat=xlsx`).set(f.auth.cm),
    ).expect(200);
    expect(res.headers['content-type']).toBe(XLSX);
    const { kop, rijen } = await leesBlad(res.body as Buffer);
    expect(kop).toEqual([
      'Kwartaal',
      'Aanbieder',
      'KPI-code',
      'KPI',
      'Eenheid',
      'Aggregatie',
      'Perceel',
      'Waarde',
      'Gewicht',
      'Teller',
      'Noemer',
      'Streefwaarde',
      'Status',
      'Datakwaliteit',
      'Toelichting',
      'Bron',
    ]);
    const cel = (code: string, perceel: string | null) =>
      rijen.find((r) => r[2] === code && (r[6] ?? null) === perceel);
    let figuren = 0;
    for (const k of account.waarden as Body[]) {
      for (const p of k.percelen as Body[]) {
        const rij = cel(k.code, p.perceelNaam);
        expect(rij?.[7]).toBe(Number(p.waarde));
        expect(typeof rij?.[7]).toBe('number');
        if (p.gewicht !== null) expect(rij?.[8]).toBe(Number(p.gewicht));
        figuren++;
      }
      const totaal = cel(k.code, k.perPerceel ? 'Totaal' : null);
      expect(totaal?.[7]).toBe(Number(k.totaal.waarde));
      figuren++;
    }
    expect(figuren).toBe(13);
    expect(rijen).toHaveLength(13);
    // The weighted mean is the weighted mean: (Σ waarde × gewicht) / Σ gewicht.
    const gew = (account.waarden as Body[]).find((k) => k.code === 'GEW-01')!;
    const ps = gew.percelen as Body[];
    const verwacht =
      ps.reduce((s, p) => s + Number(p.waarde) * Number(p.gewicht), 0) /
      ps.reduce((s, p) => s + Number(p.gewicht), 0);
    expect(Number(gew.totaal.waarde)).toBeCloseTo(verwacht, 4);

    const csv = await http()
      .get(`/api/v1/kwartaalverantwoordingen/${id}/export?formaat=csv`)
      .set(f.auth.cm)
      .expect(200);
    expect(csv.text.replace(/^\ufeff/, '').split('\r\n')[0]).toMatch(
      /^Kwartaal;Aanbieder;KPI-code;KPI;/,
    );
    expect(csv.text.split('\r\n').filter(Boolean)).toHaveLength(14);
  });

  it('respects read scopes: another aanbieder gets 404, a bad formaat 400', async () => {
    for (const pad of ['export', 'importsjabloon'])
      await http()
        .get(`/api/v1/kwartaalverantwoordingen/${id}/${pad}?formaat=xlsx`)
        .set(f.auth.directeurAnder)
        .expect(404);
    await http()
      .get(`/api/v1/kpis/${f.kpis['BER-01'].id}/export?formaat=csv`)
      .set(f.auth.directeurAnder)
      .expect(404);
    const fout = await http()
      .get(`/api/v1/kwartaalverantwoordingen/${id}/export?formaat=pdf`)
      .set(f.auth.cm)
      .expect(400);
    expect(fout.body.invalidParams).toEqual([
      expect.objectContaining({ name: 'formaat', reason: 'formaat moet csv of xlsx zijn' }),
    ]);
  });

  it('exports one KPI over quarters and aanbieders per perceel, from adopted accounts', async () => {
    const leeg = await http()
      .get(`/api/v1/kpis/${f.kpis['BER-01'].id}/export?formaat=csv`)
      .set(f.auth.cm)
      .expect(200);
    expect(
      leeg.text
        .replace(/^\ufeff/, '')
        .trim()
        .split('\r\n'),
    ).toHaveLength(1);
    await t.dataSource.query(
      `UPDATE kwartaalverantwoordingen SET status = 'vastgesteld', ingediend_op = now(), vastgesteld_op = now() WHERE id = $1`,
      [id],
    );
    const res = await binair(
      http().get(`/api/v1/kpis/${f.kpis['BER-01'].id}/export?formaat=xlsx`).set(f.auth.cm),
    ).expect(200);
    const { kop, rijen } = await leesBlad(res.body as Buffer);
    expect(kop.slice(0, 4)).toEqual(['Kwartaal', 'Aanbieder', 'Perceel', 'Waarde']);
    expect(rijen.map((r) => [r[0], r[1], r[2], typeof r[3]])).toEqual(
      f.percelen.map((p) => [f.periode.periode, f.aanbieder.naam, p.naam, 'number']),
    );
    const perceel = await binair(
      http()
        .get(
          `/api/v1/kpis/${f.kpis['BER-01'].id}/export?formaat=xlsx&perceelId=${f.percelen[1].id}`,
        )
        .set(f.auth.directeur),
    ).expect(200);
    expect((await leesBlad(perceel.body as Buffer)).rijen).toHaveLength(1);
  });

  it('exports the register and the budget overview; the budget only for the gemeente', async () => {
    const register = await binair(
      http().get('/api/v1/overzichten/opdrachtenregister/export?formaat=xlsx').set(f.auth.cm),
    ).expect(200);
    expect((await leesBlad(register.body as Buffer)).kop.slice(0, 3)).toEqual([
      'Titel',
      'Status',
      'Aanbieders',
    ]);
    const budget = await http()
      .get('/api/v1/overzichten/budgetten/export?formaat=csv&vanJaar=2026&totJaar=2026')
      .set(f.auth.cm)
      .expect(200);
    const regels = budget.text
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(regels[0]).toBe('Aanbieder;Jaar;Structureel (€);Incidenteel (€);Totaal (€)');
    expect(regels.at(-1)).toMatch(/^Totaal;;/);
    await http()
      .get('/api/v1/overzichten/budgetten/export?formaat=csv&vanJaar=2026&totJaar=2026')
      .set(f.auth.directeur)
      .expect(403);
  });
});
