import type { EntityManager } from 'typeorm';
import { OngeldigeBronError } from '../overleg/overleg.errors';
import type { AgendaBronSoort } from './agenda.regels';

/** Where each kind of source lives; every one of these tables has a gemeente_id. */
const BRON_TABELLEN: Partial<Record<AgendaBronSoort, string>> = {
  kpi: 'kpis',
  indicator: 'indicatoren',
  signaal: 'signalen',
  'aanvullende-opdracht': 'aanvullende_opdrachten',
  hoofdopdracht: 'hoofdopdrachten',
  casus: 'casussen',
  actie: 'acties',
};

/**
 * 422 when an item or decision points at a source that is not the gemeente's. A free topic
 * has no source; an assumption lives inside a versioned theory of change (JSON), so only
 * its form is checked.
 */
export async function vereisBron(
  manager: EntityManager,
  gemeenteId: string,
  bronSoort: AgendaBronSoort,
  bronId: string | null | undefined,
  veld = 'bronId',
): Promise<void> {
  if (bronSoort === 'vrij') {
    if (bronId) throw new OngeldigeBronError(veld, 'een vrij onderwerp heeft geen bronId');
    return;
  }
  if (!bronId)
    throw new OngeldigeBronError(veld, `een agendapunt over een ${bronSoort} noemt de bronId`);
  const tabel = BRON_TABELLEN[bronSoort];
  if (!tabel) return;
  const [rij] = (await manager.query(`SELECT 1 FROM ${tabel} WHERE id = $1 AND gemeente_id = $2`, [
    bronId,
    gemeenteId,
  ])) as unknown[];
  if (!rij)
    throw new OngeldigeBronError(veld, `${bronSoort} ${bronId} bestaat niet in deze gemeente`);
}
