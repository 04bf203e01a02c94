import type { DossierContext } from '../context';
import type { DossierSnapshot } from '../snapshot';
import type { DossierSectie } from './sectie';

export interface VerhaalItem {
  id: string;
  titel: string;
  perceel: { code: string; naam: string } | null;
  situatie: string | null;
  vraag: string | null;
  waarden: string | null;
  betrokkenen: string | null;
  aanpak: string | null;
  effect: string | null;
  les: string | null;
  kwestie: string | null;
  /** The KPIs the story illustrates, by code. */
  kpis: { id: string; code: string; naam: string }[];
  doelen: { id: string; titel: string }[];
}

export interface VerhalenInhoud {
  periode: string;
  verhalen: VerhaalItem[];
}

export const verhalenSectie: DossierSectie<VerhalenInhoud> = {
  sleutel: 'verhalen',
  titel: 'Verhalen uit de praktijk',
  volgorde: 40,
  bouw(snapshot: DossierSnapshot, context: DossierContext): VerhalenInhoud {
    const kpis = new Map(context.kpis.map((k, i) => [k.id, { kpi: k, rang: i }]));
    const doelen = new Map(snapshot.doelen.map((d) => [d.id, d]));
    const percelen = new Map(context.percelen.map((p) => [p.id, p]));
    return {
      periode: snapshot.periode,
      verhalen: context.casussenVanKwartaal().map((casus) => {
        const perceel = casus.perceelId ? percelen.get(casus.perceelId) : undefined;
        return {
          id: casus.id,
          titel: casus.titel,
          perceel: perceel ? { code: perceel.code, naam: perceel.naam } : null,
          situatie: casus.situatie,
          vraag: casus.vraag ?? null,
          waarden: casus.waarden ?? null,
          betrokkenen: casus.betrokkenen ?? null,
          aanpak: casus.aanpak ?? null,
          effect: casus.effect,
          les: casus.les,
          kwestie: casus.kwestie,
          kpis: [...new Set(casus.kpiIds)]
            .flatMap((id) => {
              const bekend = kpis.get(id);
              return bekend ? [bekend] : [];
            })
            .sort((a, b) => a.rang - b.rang)
            .map(({ kpi }) => ({ id: kpi.id, code: kpi.code, naam: kpi.naam })),
          doelen: [...new Set(casus.doelIds)].flatMap((id) => {
            const doel = doelen.get(id);
            return doel ? [{ id: doel.id, titel: doel.titel }] : [];
          }),
        };
      }),
    };
  },
};
