import { LeesScope } from '../shared/scope';

/**
 * What a ketenregisseur (without a broader gemeente role) reads of an account: the account
 * itself (narrative, budget, formatie: they concern the whole wijkteam) but only the
 * figures, missing figures, case stories and signals linked to the ketens they direct, and
 * the review comments on those or on the account as a whole. Everyone else reads it whole
 * (a provider only sees its own accounts at all; that is checked when loading).
 */

interface MetKetens {
  ketenIds: readonly string[];
}

export interface FilterbareInhoud {
  waarden: (MetKetens & { kpiId: string })[];
  ontbrekend: MetKetens[];
  casussen: (MetKetens & { id: string })[];
  signalen: (MetKetens & { id: string })[];
  openOpmerkingen: { onderdeel: string; onderdeelId: string | null }[];
}

export function filterInhoudOpScope<T extends FilterbareInhoud>(inhoud: T, scope: LeesScope): T {
  const eigen = scope.ketenIds;
  if (!eigen) return inhoud;
  const zichtbaar = (item: MetKetens) => item.ketenIds.some((id) => eigen.includes(id));
  const waarden = inhoud.waarden.filter(zichtbaar);
  const casussen = inhoud.casussen.filter(zichtbaar);
  const signalen = inhoud.signalen.filter(zichtbaar);
  const ids = new Set([
    ...waarden.map((w) => w.kpiId),
    ...casussen.map((c) => c.id),
    ...signalen.map((s) => s.id),
  ]);
  const verborgenOnderdelen = ['kpi-waarde', 'casus', 'signaal'];
  return {
    ...inhoud,
    waarden,
    ontbrekend: inhoud.ontbrekend.filter(zichtbaar),
    casussen,
    signalen,
    openOpmerkingen: inhoud.openOpmerkingen.filter(
      (o) => !verborgenOnderdelen.includes(o.onderdeel) || !o.onderdeelId || ids.has(o.onderdeelId),
    ),
  };
}
