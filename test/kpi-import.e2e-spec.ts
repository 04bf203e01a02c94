import ExcelJS from 'exceljs';
import { AuditEntry } from '@wijkkompas/core';
import { createTestApp, TestApp } from '@wijkkompas/core/testing';
import { KpiWaarde, Kwartaalverantwoording } from '@wijkkompas/verantwoording';
import request from 'supertest';
import { maakVerantwoordingFixture, VerantwoordingFixture } from './support/verantwoording-fixture';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const AANTAL_KPIS = 20;
const AANTAL_PERCELEN = 100;
const code = (i: number) => `WT-${String(i + 1).padStart(2, '0')}`;

async function xlsx(rijen: (string | number)[][]): Promise<Buffer> {
  const werkmap = new ExcelJS.Workbook();
  const blad = werkmap.addWorksheet('Export');
  for (const rij of rijen) blad.addRow(rij);
  return Buffer.from(await werkmap.xlsx.writeBuffer());
}

const csv = (rijen: (string | number)[][]) =>
  Buffer.from(`\ufeff${rijen.map((r) => r.join(';')).join('\r\n')}\r\n`, 'utf8');

/**
 * Importing KPI values from a registration system's export: all or nothing, every error
 * reported per row in Dutch, a clean file of thousands of rows written in one go and
 * audited once.
 */
describe('Import van KPI-waarden (CSV en XLSX)', () => {
  let t: TestApp;
  let f: VerantwoordingFixture;
  let id: string;
  let etag: string;
  const http = () => request(t.app.getHttpServer());
  const pad = () => `/api/v1/kwartaalverantwoordingen/${id}/imports`;
  const upload = (
    bestand: Buffer,
    naam: string,
    ifMatch: string | null = etag,
    auth = f.auth.teamleider,
  ) => {
    const req = http().post(pad()).set(auth);
    if (ifMatch) req.set('If-Match', ifMatch);
    return req.attach('bestand', bestand, naam);
  };
  const aantalWaarden = () =>
    t.dataSource.getRepository(KpiWaarde).countBy({ kwartaalverantwoordingId: id });
  const versie = async () =>
    (await t.dataSource.getRepository(Kwartaalverantwoording).findOneByOrFail({ id })).version;

  /** kpi-code; perceel; waarde; toelichting — one row per KPI and perceel, plus the total KPI. */
  function volledig(
    waarde: (k: number, p: number) => string | number,
    metToelichting = true,
  ): (string | number)[][] {
    const rijen: (string | number)[][] = [
      metToelichting
        ? ['kpi-code', 'perceel', 'waarde', 'toelichting']
        : ['KPI code', 'Perceel', 'Waarde'],
    ];
    for (let k = 0; k < AANTAL_KPIS; k++)
      for (let p = 0; p < AANTAL_PERCELEN; p++) {
        const rij: (string | number)[] = [code(k), f.percelen[p].naam, waarde(k, p)];
        if (metToelichting) rij.push(p === 0 ? `Toelichting bij ${code(k)}` : '');
        rijen.push(rij);
      }
    rijen.push(
      metToelichting
        ? ['TOT-01', '', waarde(0, 0), 'Voor de hele aanbieder']
        : ['TOT-01', '', waarde(0, 0)],
    );
    return rijen;
  }

  beforeAll(async () => {
    t = await createTestApp();
    f = await maakVerantwoordingFixture(t, {
      aantalPercelen: AANTAL_PERCELEN,
      kpis: [
        ...Array.from({ length: AANTAL_KPIS }, (_, i) => ({
          code: code(i),
          aggregatie: 'som' as const,
        })),
        { code: 'TOT-01', perPerceel: false, eenheid: 'percentage' as const },
      ],
    });
    const res = await http()
      .post('/api/v1/kwartaalverantwoordingen')
      .set(f.auth.teamleider)
      .send({ rapportageperiodeId: f.periode.id });
    expect(res.status).toBe(201);
    id = res.body.id;
    etag = res.headers.etag as string;
  });

  afterAll(async () => {
    await t?.close();
  });

  it('refuses without If-Match, without a file, with another format, for other roles and organisations', async () => {
    const bestand = csv([
      ['kpi-code', 'perceel', 'waarde'],
      [code(0), f.percelen[0].naam, '1'],
    ]);
    expect((await upload(bestand, 'export.csv', null)).status).toBe(428);
    const zonder = await http()
      .post(pad())
      .set(f.auth.teamleider)
      .set('If-Match', etag)
      .field('iets', 'anders');
    expect(zonder.status).toBe(400);
    expect(zonder.body.invalidParams[0].name).toBe('bestand');
    const pdf = await upload(Buffer.from('%PDF-1.4'), 'export.pdf');
    expect(pdf.status).toBe(400);
    expect(pdf.body.invalidParams[0].reason).toContain('.csv');
    expect((await upload(bestand, 'export.csv', etag, f.auth.cm)).status).toBe(403);
    expect((await upload(bestand, 'export.csv', etag, f.auth.directeurAnder)).status).toBe(404);
    expect((await upload(bestand, 'export.csv', 'W/"99"')).status).toBe(412);
    expect(await aantalWaarden()).toBe(0);
  });

  it('imports 2 001 rows of CSV with Dutch decimals in one go, audited as one entry', async () => {
    const res = await upload(csv(volledig((k, p) => `${k * 10 + p},5`)), 'export-q2.csv');
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      aantalRijen: 2001,
      toegevoegd: 2001,
      bijgewerkt: 0,
      version: await versie(),
    });
    expect(res.headers.etag).toBe(`W/"${res.body.version}"`);
    etag = res.headers.etag as string;
    expect(await aantalWaarden()).toBe(2001);

    const waarde = await t.dataSource.getRepository(KpiWaarde).findOneByOrFail({
      kwartaalverantwoordingId: id,
      kpiId: f.kpis[code(3)].id,
      perceelId: f.percelen[7].id,
    });
    expect(waarde).toMatchObject({
      waarde: '37.5000',
      kpiVersieId: f.kpis[code(3)].versieId,
      datakwaliteit: 'betrouwbaar',
    });

    const audit = await t.dataSource.getRepository(AuditEntry).findBy({
      entityType: 'kwartaalverantwoording',
      entityId: id,
      action: 'waarden-geimporteerd',
    });
    expect(audit).toHaveLength(1);
    expect(audit[0].after).toMatchObject({
      bestand: 'export-q2.csv',
      formaat: 'csv',
      aantalRijen: 2001,
      toegevoegd: 2001,
    });
    expect(await t.dataSource.getRepository(AuditEntry).countBy({ entityId: id })).toBe(2); // aangemaakt + one import

    const account = await http().get(`/api/v1/kwartaalverantwoordingen/${id}`).set(f.auth.cm);
    const wt01 = (account.body.waarden as Body[]).find((w) => w.code === 'WT-01');
    // WT-01: sum over p = 0..99 of (p + 0.5) = 4950 + 50
    expect(wt01?.totaal).toMatchObject({ waarde: '5000', compleet: true });
    expect(account.body.ontbrekend).toEqual([]);
  });

  it('updates from an XLSX export and keeps toelichtingen when the file has no such column', async () => {
    const res = await upload(await xlsx(volledig((k, p) => k + p + 0.25, false)), 'export-q2.xlsx');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ aantalRijen: 2001, toegevoegd: 0, bijgewerkt: 2001 });
    etag = res.headers.etag as string;
    const eerste = await t.dataSource.getRepository(KpiWaarde).findOneByOrFail({
      kwartaalverantwoordingId: id,
      kpiId: f.kpis[code(4)].id,
      perceelId: f.percelen[0].id,
    });
    expect(eerste).toMatchObject({ waarde: '4.2500', toelichting: 'Toelichting bij WT-05' });
  });

  it('takes an optional gewicht and datakwaliteit per row, and keeps them when a later file has no such columns', async () => {
    const opgeslagen = (k: number, p: number) =>
      t.dataSource.getRepository(KpiWaarde).findOneByOrFail({
        kwartaalverantwoordingId: id,
        kpiId: f.kpis[code(k)].id,
        perceelId: f.percelen[p].id,
      });
    const kop = ['kpi-code', 'perceel', 'waarde', 'gewicht', 'datakwaliteit'];
    const p3 = f.percelen[3].naam;
    const p4 = f.percelen[4].naam;

    const fout = await upload(
      csv([kop, [code(5), p3, '8,25', '-2', 'voorlopig'], [code(5), p4, '9,25', '', 'slecht']]),
      'export-gewicht-fout.csv',
    );
    expect(fout.status).toBe(422);
    expect(fout.body.fouten).toEqual([
      { rij: 2, kolom: 'gewicht', melding: 'Het gewicht mag niet negatief zijn.' },
      {
        rij: 3,
        kolom: 'datakwaliteit',
        melding: expect.stringContaining("'slecht' is geen datakwaliteit"),
      },
    ]);

    const goed = await upload(
      csv([
        kop,
        [code(5), p3, '8,25', '312', 'Voorlopig'],
        [code(5), p4, '9,25', '', 'onvolledig'],
      ]),
      'export-gewicht.csv',
    );
    expect(goed.status).toBe(201);
    expect(goed.body).toMatchObject({ aantalRijen: 2, toegevoegd: 0, bijgewerkt: 2 });
    etag = goed.headers.etag as string;
    expect(await opgeslagen(5, 3)).toMatchObject({
      gewicht: '312.0000',
      datakwaliteit: 'voorlopig',
    });
    expect(await opgeslagen(5, 4)).toMatchObject({ gewicht: null, datakwaliteit: 'onvolledig' });

    const zonder = await upload(
      await xlsx(volledig((k, p) => k + p + 0.25, false)),
      'export-q2-opnieuw.xlsx',
    );
    expect(zonder.status).toBe(201);
    etag = zonder.headers.etag as string;
    expect(await opgeslagen(5, 3)).toMatchObject({
      waarde: '8.2500',
      gewicht: '312.0000',
      datakwaliteit: 'voorlopig',
    });
  });

  it('writes nothing when one row is wrong, and names that row', async () => {
    const rijen = volledig((k, p) => String(k + p));
    rijen[17][2] = '12,5%';
    const voor = await versie();
    const res = await upload(csv(rijen), 'export-fout.csv');
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ code: 'import-afgekeurd', aantalFouten: 1 });
    expect(res.body.fouten).toEqual([
      { rij: 18, kolom: 'waarde', melding: expect.stringContaining("'12,5%' is geen getal") },
    ]);
    expect(await versie()).toBe(voor);
    const onveranderd = await t.dataSource.getRepository(KpiWaarde).findOneByOrFail({
      kwartaalverantwoordingId: id,
      kpiId: f.kpis[code(0)].id,
      perceelId: f.percelen[0].id,
    });
    expect(onveranderd.waarde).toBe('0.2500');
  });

  it('refuses direct identifiers in a toelichting or bron, naming row and column but never the identifier', async () => {
    const rijen: (string | number)[][] = [
      ['kpi-code', 'perceel', 'waarde', 'toelichting', 'bron'],
      [code(0), f.percelen[0].naam, '1', 'Vraag na bij j.jansen@voorbeeld.nl', 'registratie'],
      [code(0), f.percelen[1].naam, '2', 'Geen bijzonderheden', 'gebeld met 06-12345678'],
      [code(0), f.percelen[2].naam, '3', 'Dossiernummer 123456789 (geen BSN)', ''],
    ];
    const voor = await versie();
    const res = await upload(csv(rijen), 'export-privacy.csv');
    expect(res.status).toBe(422);
    expect(res.body.fouten).toEqual([
      {
        rij: 2,
        kolom: 'toelichting',
        melding:
          "Het veld 'toelichting' bevat een e-mailadres. De verantwoording komt in dossiers en bevat geen persoonsgegevens: haal het e-mailadres weg.",
      },
      {
        rij: 3,
        kolom: 'bron',
        melding:
          "Het veld 'bron' bevat een telefoonnummer. De verantwoording komt in dossiers en bevat geen persoonsgegevens: haal het telefoonnummer weg.",
      },
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/jansen|12345678/);
    expect(await versie()).toBe(voor);
  });

  it('reports every different error of a file at once, in Dutch, in row order', async () => {
    const res = await upload(
      await xlsx([
        ['KPI-code', 'Perceel', 'Waarde'],
        [code(0), f.percelen[0].naam, 1],
        ['XX-99', f.percelen[0].naam, 2],
        [code(1), 'Perceel Nergens', 3],
        [code(2), f.percelen[2].naam, 'veel'],
        [code(0), f.percelen[0].naam, 4],
        ['TOT-01', f.percelen[0].naam, 5],
        [code(3), f.anderPerceel.naam, 6],
        [code(4), '', 7],
      ]),
      'export-fouten.xlsx',
    );
    expect(res.status).toBe(422);
    const fouten = res.body.fouten as Body[];
    expect(fouten.map((fout) => [fout.rij, fout.kolom])).toEqual([
      [3, 'KPI-code'],
      [4, 'Perceel'],
      [5, 'Waarde'],
      [6, 'KPI-code'],
      [7, 'Perceel'],
      [8, 'Perceel'],
      [9, 'Perceel'],
    ]);
    expect(fouten[0].melding).toContain("Onbekende KPI-code 'XX-99'");
    expect(fouten[3].melding).toContain('al op rij 2');
    expect(fouten[5].melding).toContain('Onbekend perceel');
    expect(res.body.aantalFouten).toBe(7);
  });

  it('refuses values its column cannot hold and files that are not what they claim', async () => {
    const decimalen = await upload(
      csv([
        ['kpi-code', 'perceel', 'waarde'],
        [code(0), f.percelen[0].naam, '1,23456'],
      ]),
      'export.csv',
    );
    expect(decimalen.status).toBe(422);
    expect(decimalen.body.fouten[0]).toMatchObject({ rij: 2, kolom: 'waarde' });
    expect(decimalen.body.fouten[0].melding).toContain('4 cijfers achter de komma');

    const kapot = await upload(Buffer.from('dit is geen werkmap'), 'export.xlsx');
    expect(kapot.status).toBe(422);
    expect(kapot.body.fouten).toEqual([
      { rij: 0, kolom: null, melding: expect.stringContaining('.xlsx') },
    ]);

    const groot = await upload(Buffer.alloc(20 * 1024 * 1024 + 1, 0x41), 'export.csv');
    expect(groot.status).toBe(413);
    expect(groot.headers['content-type']).toContain('application/problem+json');

    const kolommen = await upload(
      csv([
        ['kpi', 'getal'],
        [code(0), '1'],
      ]),
      'export.csv',
    );
    expect(kolommen.status).toBe(422);
    expect(kolommen.body.fouten[0].melding).toContain("'waarde' ontbreekt");
  });

  it('reads a Windows-1252 export and leaves a submitted account alone', async () => {
    const latin1 = Buffer.from(
      `kpi-code;perceel;waarde;toelichting\r\n${code(0)};${f.percelen[0].naam};7;Cliënten uit één gezin\r\n`,
      'latin1',
    );
    const res = await upload(latin1, 'export.csv');
    expect(res.status).toBe(201);
    etag = res.headers.etag as string;
    const waarde = await t.dataSource.getRepository(KpiWaarde).findOneByOrFail({
      kwartaalverantwoordingId: id,
      kpiId: f.kpis[code(0)].id,
      perceelId: f.percelen[0].id,
    });
    expect(waarde.toelichting).toBe('Cliënten uit één gezin');

    await t.dataSource
      .getRepository(Kwartaalverantwoording)
      .update({ id }, { status: 'ingediend' });
    const ingediend = await upload(
      csv([
        ['kpi-code', 'perceel', 'waarde'],
        [code(0), f.percelen[0].naam, '1'],
      ]),
      'export.csv',
    );
    expect(ingediend.status).toBe(409);
    expect(ingediend.body.code).toBe('verantwoording-niet-bewerkbaar');
  });
});
