import { createTestApp, TestApp } from '@wijkkompas/core/testing';
import * as nodeIcal from 'node-ical';
import { api, maakOverlegFixture, OverlegFixture } from './support/overleg-fixture';

type Ev = { type: string; uid: string; summary: string; start: Date; end: Date; location?: string };

/**
 * The calendar feed of a user, read back by an independent iCalendar parser: exactly the
 * meetings the user takes part in (in person or through their organisation), none that was
 * cancelled; a revoked or unknown address is a 404.
 */
describe('Kalender: overleggen in de agenda-app', () => {
  let t: TestApp;
  let f: OverlegFixture;
  let a: ReturnType<typeof api>;
  const id: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    f = await maakOverlegFixture(t);
    a = api(t);
    const plan = async (auth: typeof f.cm.auth, body: object) =>
      (await a.post('/overleggen', auth, body)).body.id as string;
    id.ontwikkel = await plan(f.regisseurJeugd.auth, {
      soort: 'ontwikkeloverleg',
      titel: 'Ontwikkeloverleg november',
      tijdstip: '2026-11-17T14:00:00+01:00',
      locatie: 'Stadskantoor',
      deelnemers: [{ gebruikerId: f.regisseurJeugd.id }, { organisatieId: f.noord.org.id }],
    });
    id.keten = await plan(f.cm.auth, {
      soort: 'ketenoverleg',
      titel: 'Ketenoverleg Jeugd december',
      ketenId: f.ketens.jeugd.id,
      tijdstip: '2026-12-01T10:00:00+01:00',
      deelnemers: [{ gebruikerId: f.noord.directeur.id }],
    });
    id.gesprekOost = await plan(f.cm.auth, {
      soort: 'verantwoordingsgesprek',
      titel: 'Verantwoordingsgesprek Oost',
      aanbiederId: f.oost.org.id,
      periode: '2026-Q3',
      tijdstip: '2026-11-10T10:00:00+01:00',
      deelnemers: [{ gebruikerId: f.cm.id }, { gebruikerId: f.oost.directeur.id }],
    });
    id.geannuleerd = await plan(f.regisseurJeugd.auth, {
      soort: 'ontwikkeloverleg',
      titel: 'Vervallen overleg',
      tijdstip: '2026-11-24T14:00:00+01:00',
      deelnemers: [{ organisatieId: f.noord.org.id }],
    });
    await a.post(`/overleggen/${id.geannuleerd}/statuswijzigingen`, f.regisseurJeugd.auth, {
      status: 'geannuleerd',
    });
  });
  afterAll(() => t.close());

  const lees = async (pad: string, status = 200) => {
    const res = await a.http().get(pad);
    expect(res.status).toBe(status);
    return res;
  };
  const events = (tekst: string): Ev[] =>
    Object.values(nodeIcal.sync.parseICS(tekst) as Record<string, Ev>)
      .filter((c) => c.type === 'VEVENT')
      .sort((x, y) => x.start.getTime() - y.start.getTime());

  it('lists exactly the meetings the user takes part in, parsed by node-ical', async () => {
    const feed = await a.post('/kalenderfeeds', f.noord.directeur.auth, {});
    expect(feed.body.pad).toMatch(/^\/api\/v1\/kalenders\/[A-Za-z0-9_-]{43}$/);
    const res = await lees(feed.body.pad);
    expect(res.headers['content-type']).toContain('text/calendar');
    const lijst = events(res.text);
    expect(lijst.map((e) => e.uid)).toEqual([
      `overleg-${id.ontwikkel}@wijkkompas`,
      `overleg-${id.keten}@wijkkompas`,
    ]);
    expect(lijst[0]).toMatchObject({
      summary: 'Ontwikkeloverleg november',
      location: 'Stadskantoor',
    });
    expect(lijst[0].start.toISOString()).toBe('2026-11-17T13:00:00.000Z');
    expect(lijst[0].end.getTime() - lijst[0].start.getTime()).toBe(90 * 60_000);

    const regisseur = await a.post('/kalenderfeeds', f.regisseurJeugd.auth, {});
    expect(events((await lees(regisseur.body.pad)).text).map((e) => e.uid)).toEqual([
      `overleg-${id.ontwikkel}@wijkkompas`,
    ]);
    const oost = await a.post('/kalenderfeeds', f.oost.directeur.auth, {});
    expect(events((await lees(oost.body.pad)).text).map((e) => e.summary)).toEqual([
      'Verantwoordingsgesprek Oost',
    ]);
  });

  it('takes the length of the meeting from its published agenda', async () => {
    await a.post(`/overleggen/${id.ontwikkel}/agendapunten`, f.regisseurJeugd.auth, {
      bronSoort: 'vrij',
      onderwerp: 'Jongeren en schulden',
      doel: 'bespreken',
      minuten: 45,
    });
    await a.post(`/overleggen/${id.ontwikkel}/agendaversies`, f.regisseurJeugd.auth, {});
    const feed = await a.post('/kalenderfeeds', f.regisseurJeugd.auth, {});
    const [ev] = events((await lees(feed.body.pad)).text);
    expect(ev.end.getTime() - ev.start.getTime()).toBe(45 * 60_000);
  });

  it('answers 404 for a revoked, replaced or unknown address', async () => {
    const eerste = await a.post('/kalenderfeeds', f.beleidsadviseur.auth, {});
    await lees(eerste.body.pad);
    const tweede = await a.post('/kalenderfeeds', f.beleidsadviseur.auth, {});
    await lees(eerste.body.pad, 404);
    await lees(tweede.body.pad);
    // Someone else cannot revoke it.
    await a.http().delete(`/api/v1/kalenderfeeds/${tweede.body.id}`).set(f.cm.auth).expect(404);
    await a
      .http()
      .delete(`/api/v1/kalenderfeeds/${tweede.body.id}`)
      .set(f.beleidsadviseur.auth)
      .expect(204);
    const weg = await lees(tweede.body.pad, 404);
    expect(weg.headers['content-type']).toContain('application/problem+json');
    await lees('/api/v1/kalenders/onbekend', 404);
    const lijst = await a.get('/kalenderfeeds', f.beleidsadviseur.auth);
    expect(
      lijst.body.items.every((x: { ingetrokkenOp: string | null }) => x.ingetrokkenOp !== null),
    ).toBe(true);
  });
});
