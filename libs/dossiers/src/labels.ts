/** The Dutch words a reader sees for the machine values in a dossier. */
import type { KpiStatus, SignaalSoort, SignaalStatus } from '@wijkkompas/verantwoording';
import type { KpiStatusReden } from './kpi-beeld';
import type { ActieStatus, DossierOpdrachtStatus, DossierVerantwoording } from './snapshot';

export function kpiStatusLabel(status: KpiStatus, reden: KpiStatusReden = null): string {
  switch (status) {
    case 'op-koers':
      return 'Op koers';
    case 'let-op':
      return 'Let op';
    case 'uit-koers':
      return 'Uit koers';
    case 'geen-norm':
      return reden === 'geen-waarde'
        ? 'Geen realisatie'
        : reden === 'ongeldige-norm'
          ? 'Ongeldige norm'
          : 'Geen streefwaarde';
  }
}

export const OPDRACHT_STATUS_LABELS: Readonly<Record<DossierOpdrachtStatus, string>> = {
  aangevraagd: 'Aangevraagd',
  getoetst: 'Getoetst',
  afgewezen: 'Afgewezen',
  actief: 'Actief',
  afgerond: 'Afgerond',
  beeindigd: 'Beëindigd',
  'opgenomen-in-hoofdopdracht': 'Opgenomen in hoofdopdracht',
};

export const SIGNAAL_STATUS_LABELS: Readonly<Record<SignaalStatus, string>> = {
  nieuw: 'Nieuw',
  'in-analyse': 'In analyse',
  geagendeerd: 'Geagendeerd',
  beantwoord: 'Beantwoord',
  gesloten: 'Gesloten',
};

export const ACTIE_STATUS_LABELS: Readonly<Record<ActieStatus, string>> = {
  open: 'Open',
  gereed: 'Gereed',
  vervallen: 'Vervallen',
};

export const VERANTWOORDING_STATUS_LABELS: Readonly<
  Record<DossierVerantwoording['status'], string>
> = {
  concept: 'Concept (nog niet ingediend)',
  ingediend: 'Ingediend',
  vastgesteld: 'Vastgesteld',
  teruggezet: 'Teruggezet met vragen',
};

export const KPI_TYPE_LABELS: Readonly<Record<string, string>> = {
  input: 'Input',
  throughput: 'Throughput',
  output: 'Output',
  outcome: 'Outcome',
};

export const SIGNAAL_SOORT_LABELS: Readonly<Record<SignaalSoort, string>> = {
  regels: 'Knelpunt in regels',
  aanbod: 'Aanbod',
  samenwerking: 'Samenwerking',
  zijsturing: 'Zijsturing',
  financiering: 'Financiering',
  anders: 'Anders',
};
