import { AuditEntry } from '@wijkkompas/core';
import { createTestApp, TestApp } from '@wijkkompas/core/testing';
import { ActiesInhoud, assembleerDossier, DossierLoader, vindSectie } from '@wijkkompas/dossiers';
import {
  AgendaBronRegistry,
  laadAgendaSnapshot,
  Overleg,
  stelAgendaOp,
} from '@wijkkompas/overleggen';
import { Signaal } from '@wijkkompas/verantwoording';
import {
  api,
  maakOverlegFixture,
  maakVastgesteldeVerantwoording,
  OverlegFixture,
} from './support/overleg-fixture';
import { pdfTekst } from './support/pdf-tekst';

type Punt = {
  bronSoort: string;
  bronId: string | null;
  onderwerp: string;
  reden: string | null;
  doel: string;
};

/**
 * The ketenregisseur's journey (issue 15): an ontwikkeloverleg whose agenda is drafted from
 * the data — a signal spanning two ketens and an indicator uit koers at two aanbieders are on
 * it with their reasons —, published, held; a decision and an action are recorded, and a
 * budget decision is flagged because the ontwikkeloverleg does not decide on money. The
 * action returns on the next ontwikkeloverleg's draft and in the next dossier of the aanbieder
 * that owns it, which marks it gereed.
 */
describe('Ontwikkeloverleg: van opgestelde agenda tot actie in het dossier', () => {
  let t: TestApp;
  let f: OverlegFixture;
  let a: ReturnType<typeof api>;
  let indicatorId: string;
  let signaalId: string;
  let overlegId: string;
  let actieId: string;

  beforeAll(async () => {
    t = await createTestApp();
    f = await maakOverlegFixture(t);
    a = api(t);

    // One indicator adopted by the KPIs of Noord, Oost and Zuid; uit koers at Noord and Oost.
    indicatorId = (
      await a.post('/indicatoren', f.cm.auth, {
        code: `IND-SNEL-${f.gemeenteId.slice(0, 4)}`,
        naam: 'Vragen binnen 10 werkdagen opgepakt',
        eenheid: 'percentage',
        richting: 'hoger-is-beter',
        ketenIds: [f.ketens.jeugd.id, f.ketens.armoede.id],
      })
    ).body.id;
    for (const [code, aanbieder, waarden] of [
      ['NRD-01', f.noord, ['70', '72']],
      ['OST-01', f.oost, ['74']],
      ['ZD-01', f.zuid, ['88']],
    ] as const) {
      const kpi = await a.post('/kpis', f.cm.auth, {
        code: `${code}-${f.gemeenteId.slice(0, 4)}`,
        naam: 'Vragen binnen 10 werkdagen opgepakt',
        type: 'output',
        eenheid: 'percentage',
        richting: 'hoger-is-beter',
        aggregatie: 'gemiddelde',
        hoofdopdrachtId: aanbieder.hoofdopdrachtId,
        ketenIds: [f.ketens.jeugd.id],
        indicatorId,
        geldigVanaf: '2024-Q1',
      });
      await a.put(`/kpis/${kpi.body.id}/normen/2026`, f.cm.auth, {
        streefwaarde: '85',
        tolerantieLetOp: '2',
        tolerantieUitKoers: '5',
      });
      await maakVastgesteldeVerantwoording(t, f, aanbieder, '2026-Q3', [
        { kpiId: kpi.body.id, versieId: kpi.body.versieId, waarden: [...waarden] },
      ]);
    }
    // A signal from practice that touches Jeugd and Armoede & Schulden, and one only Jeugd.
    const [kruis] = await t.dataSource.getRepository(Signaal).save([
      {
        gemeenteId: f.gemeenteId,
        organisatieId: f.noord.org.id,
        titel: 'Jongeren met schulden vallen tussen wal en schip',
        waarneming:
          'Jongeren van 18 met schulden verliezen hun jeugdhulp en komen niet bij schuldhulp.',
        soort: 'samenwerking',
        status: 'nieuw',
        ketenIds: [f.ketens.jeugd.id, f.ketens.armoede.id],
        periode: '2026-Q3',
        ingebrachtDoorId: f.noord.directeur.id,
      },
      {
        gemeenteId: f.gemeenteId,
        organisatieId: f.oost.org.id,
        titel: 'Wachttijd jeugdhulp',
        waarneming: 'Gezinnen wachten lang.',
        soort: 'aanbod',
        status: 'nieuw',
        ketenIds: [f.ketens.jeugd.id],
        periode: '2026-Q3',
        ingebrachtDoorId: f.oost.directeur.id,
      },
    ] as Partial<Signaal>[]);
    signaalId = kruis.id;
  });
  afterAll(() => t.close());

  const plan = async (tijdstip: string) =>
    (
      await a.post('/overleggen', f.regisseurJeugd.auth, {
        soort: 'ontwikkeloverleg',
        titel: `Ontwikkeloverleg ${tijdstip.slice(0, 10)}`,
        tijdstip,
        deelnemers: [
          { gebruikerId: f.regisseurJeugd.id },
          { gebruikerId: f.regisseurArmoede.id },
          { organisatieId: f.noord.org.id },
        ],
      })
    ).body.id as string;

  it('drafts the agenda with the cross-keten signal and the indicator uit koers at two aanbieders, with reasons', async () => {
    overlegId = await plan('2026-10-20T14:00:00+02:00');
    const opgesteld = (
      await a.post(`/overleggen/${overlegId}/agenda-opstellingen`, f.regisseurJeugd.auth, {})
    ).body.items as Punt[];
    const signaal = opgesteld.find((p) => p.bronSoort === 'signaal');
    expect(signaal).toMatchObject({ bronId: signaalId, doel: 'bespreken' });
    expect(signaal!.reden).toContain('raakt 2 ketens (Jeugd en Armoede & Schulden)');
    const indicator = opgesteld.find((p) => p.bronSoort === 'indicator');
    expect(indicator).toMatchObject({ bronId: indicatorId });
    expect(indicator!.reden).toContain('uit koers bij 2 aanbieders');
    expect(indicator!.reden).toContain(f.noord.org.naam);
    expect(indicator!.reden).toContain(f.oost.org.naam);
    expect(indicator!.reden).not.toContain(f.zuid.org.naam);
    // The signal of one keten is for its ketenoverleg, not here.
    expect(opgesteld.filter((p) => p.bronSoort === 'signaal')).toHaveLength(1);
    // Drafting again adds nothing twice.
    const opnieuw = (
      await a.post(`/overleggen/${overlegId}/agenda-opstellingen`, f.regisseurJeugd.auth, {})
    ).body.items;
    expect(opnieuw).toHaveLength(opgesteld.length);
  });

  it('lets the ketenregisseur order and publish; a change after publishing is the next version', async () => {
    const punten = (await a.get(`/overleggen/${overlegId}/agendapunten`, f.regisseurArmoede.auth))
      .body.items;
    const indicator = punten.find((p: Punt) => p.bronSoort === 'indicator');
    const verplaatst = await a.patch(
      `/overleggen/${overlegId}/agendapunten/${indicator.id}`,
      f.regisseurJeugd.auth,
      { volgorde: 1, minuten: 25, doel: 'besluiten' },
      { 'If-Match': `W/"${indicator.version}"` },
    );
    expect(verplaatst.body).toMatchObject({ volgorde: 1, minuten: 25, doel: 'besluiten' });
    // Nobody else prepares it: not the contractmanager, not a beleidsadviseur.
    await a.post(`/overleggen/${overlegId}/agendaversies`, f.cm.auth, {}, 403);
    await a.post(`/overleggen/${overlegId}/agendaversies`, f.beleidsadviseur.auth, {}, 403);

    const v1 = await a.post(`/overleggen/${overlegId}/agendaversies`, f.regisseurJeugd.auth, {});
    expect(v1.body).toMatchObject({ versie: 1 });
    expect(v1.body.punten[0]).toMatchObject({ nummer: 1, bronSoort: 'indicator' });
    expect((await a.get(`/overleggen/${overlegId}`, f.cm.auth)).body.status).toBe(
      'agenda-gepubliceerd',
    );

    await a.post(`/overleggen/${overlegId}/agendapunten`, f.regisseurArmoede.auth, {
      bronSoort: 'vrij',
      onderwerp: 'Rondvraag',
      doel: 'informeren',
      minuten: 5,
    });
    const v2 = await a.post(`/overleggen/${overlegId}/agendaversies`, f.regisseurArmoede.auth, {});
    expect(v2.body.versie).toBe(2);
    const eerste = await a.get(`/overleggen/${overlegId}/agendaversies/1`, f.cm.auth);
    expect(eerste.body.punten).toHaveLength(v1.body.punten.length);
    expect(v2.body.punten).toHaveLength(v1.body.punten.length + 1);

    // Noord takes part as an organisation: its directeur reads the published agenda only.
    await a.get(`/overleggen/${overlegId}/agendaversies/2`, f.noord.directeur.auth);
    await a.get(`/overleggen/${overlegId}/agendapunten`, f.noord.directeur.auth, 403);
    await a.get(`/overleggen/${overlegId}/agendaversies/2`, f.oost.directeur.auth, 404);
  });

  it('records a decision and an action, and flags a budget decision taken in the ontwikkeloverleg', async () => {
    await a.post(`/overleggen/${overlegId}/statuswijzigingen`, f.regisseurJeugd.auth, {
      status: 'gehouden',
    });
    const besluit = await a.post(`/overleggen/${overlegId}/besluiten`, f.regisseurJeugd.auth, {
      tekst: 'Jeugd en Armoede & Schulden maken één aanpak voor jongeren van 18 met schulden.',
      bronSoort: 'signaal',
      bronId: signaalId,
    });
    expect(besluit.body).toMatchObject({ onderwerp: 'inhoud', hoortBij: null, signalering: null });
    const actie = await a.post(`/overleggen/${overlegId}/acties`, f.regisseurJeugd.auth, {
      omschrijving: 'Werkwijze overgang 18-/18+ met schuldhulp uitwerken',
      eigenaarOrganisatieId: f.noord.org.id,
      deadline: '2026-12-01',
      besluitId: besluit.body.id,
    });
    actieId = actie.body.id;
    expect(actie.body).toMatchObject({
      status: 'open',
      eigenaar: f.noord.org.naam,
      deadline: '2026-12-01',
    });

    const budget = await a.post(`/overleggen/${overlegId}/besluiten`, f.regisseurArmoede.auth, {
      tekst: 'Extra budget van € 40.000 voor de jongerenaanpak in 2027.',
    });
    expect(budget.body).toMatchObject({ onderwerp: 'budget', hoortBij: 'stuurgroep' });
    expect(budget.body.signalering).toContain('geen besluitvormend overleg');

    // The flag is on the verslag, which Noord reads once it is adopted.
    await a.get(`/overleggen/${overlegId}/verslag`, f.noord.directeur.auth, 403);
    await a.post(`/overleggen/${overlegId}/statuswijzigingen`, f.regisseurJeugd.auth, {
      status: 'verslag-vastgesteld',
    });
    const verslag = await a.get(`/overleggen/${overlegId}/verslag`, f.noord.directeur.auth);
    expect(verslag.body.agenda.versie).toBe(2);
    expect(
      verslag.body.besluiten.map((b: { signalering: string | null }) => b.signalering !== null),
    ).toEqual([false, true]);
    expect(verslag.body.acties.map((x: { id: string }) => x.id)).toEqual([actieId]);
    // After adoption nothing is added.
    const dicht = await a.post(
      `/overleggen/${overlegId}/besluiten`,
      f.regisseurJeugd.auth,
      { tekst: 'Nog iets' },
      409,
    );
    expect(dicht.body.code).toBe('overleg-afgesloten');

    const audit = await t.dataSource
      .getRepository(AuditEntry)
      .find({ where: { entityId: budget.body.id } });
    expect(audit.map((e) => e.action)).toEqual(['aangemaakt']);
  });

  it('exports the agenda and the verslag as HTML and PDF in Dutch, with the flag on the verslag', async () => {
    const agenda = await a.get(
      `/overleggen/${overlegId}/agendaversies/2/html`,
      f.noord.directeur.auth,
    );
    expect(agenda.headers['content-type']).toContain('text/html');
    expect(agenda.text).toContain('<html lang="nl">');
    expect(agenda.text).toContain('Ter besluitvorming · 25 minuten');
    expect(agenda.text).toContain('Rondvraag');
    expect(agenda.text).toContain('20 oktober 2026 om 14:00');

    const html = await a.get(`/overleggen/${overlegId}/verslag/html`, f.cm.auth);
    expect(html.text).toContain(
      'Hoort in een ander overleg: Een besluit over budget hoort niet in het ontwikkeloverleg',
    );
    expect(html.text).toContain('Extra budget van € 40.000');
    expect(html.text).toContain('Werkwijze overgang 18-/18+ met schuldhulp uitwerken');

    const pdf = await a
      .http()
      .get(`/api/v1/overleggen/${overlegId}/verslag/pdf`)
      .set(f.noord.directeur.auth)
      .buffer(true)
      .parse((res, cb) => {
        const delen: Buffer[] = [];
        res.on('data', (d: Buffer) => delen.push(d));
        res.on('end', () => cb(null, Buffer.concat(delen)));
      });
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-disposition']).toMatch(
      /^attachment; filename="verslag-ontwikkeloverleg-2026-10-20\.pdf"$/,
    );
    const { tekst } = await pdfTekst(pdf.body as Buffer);
    expect(tekst).toContain('Hoort in een ander overleg');
  });

  it('puts the open action on the next ontwikkeloverleg’s draft and in the next dossier of its owner', async () => {
    const volgende = await plan('2026-12-15T14:00:00+02:00');
    const voorstellen = (
      await a.get(`/overleggen/${volgende}/agendavoorstellen`, f.regisseurArmoede.auth)
    ).body.items as Punt[];
    const actie = voorstellen.find((p) => p.bronSoort === 'actie');
    expect(actie).toMatchObject({ bronId: actieId });
    expect(actie!.reden).toContain('Open actie uit het ontwikkeloverleg van 20 oktober 2026');
    expect(actie!.reden).toContain('De deadline (1 december 2026) is verstreken.');

    const dossier = async (aanbiederId: string) => {
      const snapshot = await t.dataSource.transaction((m) =>
        t.app.get(DossierLoader).laad(m, {
          gemeenteId: f.gemeenteId,
          aanbiederId,
          periode: '2026-Q3',
          vandaag: '2026-12-10',
          tijdzone: 'Europe/Amsterdam',
        }),
      );
      return vindSectie(assembleerDossier(snapshot), 'acties') as ActiesInhoud;
    };
    const noord = await dossier(f.noord.org.id);
    expect(noord.acties).toEqual([
      expect.objectContaining({ id: actieId, eigenaar: f.noord.org.naam, verlopen: true }),
    ]);
    expect((await dossier(f.oost.org.id)).acties).toEqual([]);
  });

  it('lets the owning aanbieder mark its action gereed with a note, and nobody else', async () => {
    await a.post(
      `/acties/${actieId}/statuswijzigingen`,
      f.oost.directeur.auth,
      { status: 'gereed', toelichting: 'x' },
      404,
    );
    const zonder = await a.post(
      `/acties/${actieId}/statuswijzigingen`,
      f.noord.directeur.auth,
      { status: 'gereed' },
      400,
    );
    expect(zonder.body.invalidParams[0].name).toBe('toelichting');
    await a.post(
      `/acties/${actieId}/statuswijzigingen`,
      f.noord.directeur.auth,
      { status: 'vervallen', toelichting: 'x' },
      403,
    );
    const eigen = await a.get('/acties?status=open', f.noord.directeur.auth);
    expect(eigen.body.items.map((x: { id: string }) => x.id)).toEqual([actieId]);
    const gereed = await a.post(`/acties/${actieId}/statuswijzigingen`, f.noord.directeur.auth, {
      status: 'gereed',
      toelichting: 'Werkwijze staat, besproken met schuldhulp.',
    });
    expect(gereed.body).toMatchObject({
      status: 'gereed',
      toelichting: 'Werkwijze staat, besproken met schuldhulp.',
    });
    expect(gereed.body.afgehandeldOp).not.toBeNull();
  });

  it('limits a ketenoverleg to the ketenregisseur of its keten', async () => {
    const keten = (
      await a.post('/overleggen', f.cm.auth, {
        soort: 'ketenoverleg',
        titel: 'Ketenoverleg Jeugd',
        ketenId: f.ketens.jeugd.id,
        tijdstip: '2026-11-03T14:00:00+01:00',
      })
    ).body.id;
    await a.post(`/overleggen/${keten}/agenda-opstellingen`, f.regisseurArmoede.auth, {}, 403);
    const punten = (
      await a.post(`/overleggen/${keten}/agenda-opstellingen`, f.regisseurJeugd.auth, {})
    ).body.items as Punt[];
    // Both signals touch Jeugd, but only the one spanning ketens is proposed.
    expect(punten.filter((p) => p.bronSoort === 'signaal').map((p) => p.bronId)).toEqual([
      signaalId,
    ]);
    const budget = await a.post(`/overleggen/${keten}/besluiten`, f.regisseurJeugd.auth, {
      tekst: 'De opdracht Zomerschool wordt verlengd.',
    });
    expect(budget.body).toMatchObject({ onderwerp: 'contract', hoortBij: 'stuurgroep' });
  });
  it('keeps the dossier’s proposed agenda for a verantwoordingsgesprek, drafted by the contractmanager', async () => {
    const gesprek = (
      await a.post('/overleggen', f.cm.auth, {
        soort: 'verantwoordingsgesprek',
        titel: 'Verantwoordingsgesprek Noord',
        aanbiederId: f.noord.org.id,
        periode: '2026-Q3',
        tijdstip: '2026-11-12T10:00:00+01:00',
        deelnemers: [{ gebruikerId: f.cm.id }, { gebruikerId: f.noord.directeur.id }],
      })
    ).body.id;
    await a.post(`/overleggen/${gesprek}/agenda-opstellingen`, f.regisseurJeugd.auth, {}, 403);
    const punten = (await a.post(`/overleggen/${gesprek}/agenda-opstellingen`, f.cm.auth, {})).body
      .items as Punt[];
    const kpi = punten.find((p) => p.bronSoort === 'kpi');
    expect(kpi?.onderwerp).toMatch(/^NRD-01-\S+ Vragen binnen 10 werkdagen opgepakt: uit koers$/);
    expect(kpi?.reden).toContain('Uit de voorgestelde agenda van het dossier.');
    expect(kpi?.reden).toContain('uit koers');
    // A PATCH cannot adopt a verslag; that is the organiser's status step.
    const res = await a.patch(`/overleggen/${gesprek}`, f.cm.auth, {
      version: 1,
      status: 'gehouden',
    });
    const fout = await a.patch(
      `/overleggen/${gesprek}`,
      f.cm.auth,
      { version: res.body.version, status: 'verslag-vastgesteld' },
      {},
      409,
    );
    expect(fout.body.code).toBe('verslag-via-statuswijziging');
  });
  it('drafts from one snapshot read with a constant number of queries', async () => {
    const overleg = await t.dataSource.getRepository(Overleg).findOneByOrFail({ id: overlegId });
    const tel = async () => {
      const runner = t.dataSource.createQueryRunner();
      await runner.connect();
      const client = (
        runner as unknown as { databaseConnection: { query: (...x: unknown[]) => unknown } }
      ).databaseConnection;
      const origineel = client.query;
      let aantal = 0;
      client.query = function (this: unknown, ...args: unknown[]) {
        aantal++;
        return origineel.apply(this, args);
      };
      try {
        const snapshot = await laadAgendaSnapshot(
          runner.manager,
          overleg,
          'Europe/Amsterdam',
          t.app.get(AgendaBronRegistry),
        );
        return { aantal, voorstellen: stelAgendaOp(snapshot).length };
      } finally {
        client.query = origineel;
        await runner.release();
      }
    };
    const voor = await tel();
    // Ten more signals spanning both ketens.
    await t.dataSource.getRepository(Signaal).save(
      Array.from({ length: 10 }, (_, i) => ({
        gemeenteId: f.gemeenteId,
        organisatieId: f.oost.org.id,
        titel: `Signaal ${i}`,
        waarneming: 'Gezien in de wijk.',
        soort: 'samenwerking',
        status: 'nieuw',
        ketenIds: [f.ketens.jeugd.id, f.ketens.armoede.id],
        periode: '2026-Q3',
        ingebrachtDoorId: f.oost.directeur.id,
      })) as Partial<Signaal>[],
    );
    const na = await tel();
    console.log(
      `Agenda opstellen: ${voor.aantal} queries, ook met 10 signalen meer (${na.aantal})`,
    );
    expect(na.voorstellen).toBe(voor.voorstellen + 10);
    expect(na.aantal).toBe(voor.aantal);
  });
});
