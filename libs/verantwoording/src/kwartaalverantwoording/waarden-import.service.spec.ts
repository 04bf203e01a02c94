import { Kpi, KpiVersie } from '../kpi/kpi.entity';
import { Verwachting } from './kwartaalverantwoording.lezer';
import { decodeerCsv, formaatVan, opzoeklijsten } from './waarden-import.service';

function verwachting(
  kpis: {
    id: string;
    code: string;
    perPerceel?: boolean;
    zonderVersie?: boolean;
    aggregatie?: KpiVersie['aggregatie'];
  }[],
  percelen: [string, string][],
): Verwachting {
  return {
    periode: {} as Verwachting['periode'],
    kpis: new Map(kpis.map((k) => [k.id, { id: k.id, code: k.code } as Kpi])),
    huidigeVersies: new Map(
      kpis
        .filter((k) => !k.zonderVersie)
        .map((k) => [
          k.id,
          {
            id: `${k.id}-v`,
            kpiId: k.id,
            perPerceel: k.perPerceel ?? true,
            aggregatie: k.aggregatie ?? 'som',
          } as KpiVersie,
        ]),
    ),
    verwacht: [],
    percelen: new Map(percelen),
  };
}

describe('import: pure parts', () => {
  describe('formaatVan', () => {
    it.each([
      ['export.csv', undefined, 'csv'],
      ['EXPORT.CSV', undefined, 'csv'],
      ['kwartaal 3.xlsx', undefined, 'xlsx'],
      ['export', 'text/csv', 'csv'],
      ['export', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'],
      ['export.xls', 'application/vnd.ms-excel', null],
      ['export.pdf', 'application/pdf', null],
      ['export.txt', undefined, null],
    ])('%s (%s) → %s', (originalname, mimetype, formaat) =>
      expect(formaatVan({ originalname, mimetype })).toBe(formaat),
    );
  });

  describe('decodeerCsv', () => {
    it('reads UTF-8 and drops a byte order mark', () => {
      expect(decodeerCsv(Buffer.from('cliënt;één', 'utf8'))).toBe('cliënt;één');
      expect(decodeerCsv(Buffer.from('\ufeffa;b', 'utf8'))).toBe('a;b');
    });

    it('falls back to Windows-1252 for an export that is not valid UTF-8', () => {
      expect(decodeerCsv(Buffer.from([0x63, 0x6c, 0x69, 0xeb, 0x6e, 0x74, 0x3b, 0x80]))).toBe(
        'cliënt;€',
      );
      expect(decodeerCsv(Buffer.from([0x93, 0x61, 0x94, 0x96, 0xe9]))).toBe('\u201ca\u201d\u2013é');
    });
  });

  describe('opzoeklijsten', () => {
    const lijsten = opzoeklijsten(
      verwachting(
        [
          { id: 'k1', code: 'NRD-01' },
          { id: 'k2', code: 'NRD-02', perPerceel: false },
          { id: 'k3', code: 'NRD-03', zonderVersie: true },
          { id: 'k4', code: 'NRD-04', aggregatie: 'gewogen-gemiddelde' },
        ],
        [
          ['p1', 'Perceel Centrum'],
          ['p2', 'Perceel Noord'],
        ],
      ),
    );

    it('finds a KPI by code, with its current version, case-insensitively', () => {
      expect(lijsten.kpis.get('nrd-01')).toEqual({
        id: 'k1',
        versieId: 'k1-v',
        perPerceel: true,
        gewogen: false,
      });
      expect(lijsten.kpis.get('nrd-02')).toMatchObject({ id: 'k2', perPerceel: false });
      expect(lijsten.kpis.has('nrd-03')).toBe(false);
      // A weighted mean over the percelen needs a weight per perceel figure.
      expect(lijsten.kpis.get('nrd-04')).toMatchObject({ perPerceel: true, gewogen: true });
    });

    it('finds a perceel by its name or its id', () => {
      expect(lijsten.percelen.get('perceel noord')).toBe('p2');
      expect(lijsten.percelen.get('p1')).toBe('p1');
    });

    it('leaves out codes that are equal but for case, instead of picking one', () => {
      const dubbel = opzoeklijsten(
        verwachting(
          [
            { id: 'a', code: 'WT-1' },
            { id: 'b', code: 'wt-1' },
            { id: 'c', code: 'WT-2' },
          ],
          [
            ['p1', 'Perceel A'],
            ['p2', 'perceel a'],
          ],
        ),
      );
      expect(dubbel.kpis.has('wt-1')).toBe(false);
      expect(dubbel.kpis.has('wt-2')).toBe(true);
      expect(dubbel.percelen.has('perceel a')).toBe(false);
      expect(dubbel.percelen.get('p2')).toBe('p2');
    });
  });
});
