import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An index behind every foreign key (a delete of the parent, and every reader that follows the
 * key, would otherwise scan the whole child table) — above all kpi_waarden by account, which the
 * dossier and the account reader filter on: its unique indexes are partial, so they do not serve
 * that filter. `test/indexen.e2e-spec.ts` fails on a foreign key without an index.
 */
const INDEXEN: [tabel: string, naam: string, kolom: string][] = [
  ['aanvullende_opdrachten', 'ix_aanvullende_opdrachten_aanvrager', 'aangevraagd_door_id'],
  ['aanvullende_opdrachten', 'ix_aanvullende_opdrachten_toetser', 'getoetst_door_id'],
  ['hoofdopdrachten', 'ix_hoofdopdrachten_aanbieder', 'aanbieder_id'],
  ['casussen', 'ix_casussen_aanbieder', 'aanbieder_id'],
  ['casussen', 'ix_casussen_auteur', 'auteur_id'],
  ['casussen', 'ix_casussen_perceel', 'perceel_id'],
  ['casussen', 'ix_casussen_wijk', 'wijk_id'],
  ['rapportageperiodes', 'ix_rapportageperiodes_aanbieder', 'aanbieder_id'],
  ['rapportageperiodes', 'ix_rapportageperiodes_aanvullende_opdracht', 'aanvullende_opdracht_id'],
  ['kwartaalverantwoordingen', 'ix_kwartaalverantwoordingen_aanbieder_id', 'aanbieder_id'],
  ['kpi_waarden', 'ix_kpi_waarden_verantwoording', 'kwartaalverantwoording_id'],
  ['kpi_waarden', 'ix_kpi_waarden_kpi_versie', 'kpi_versie_id'],
  ['kpi_waarden', 'ix_kpi_waarden_perceel', 'perceel_id'],
  ['beoordelingsopmerkingen', 'ix_beoordelingsopmerkingen_auteur', 'auteur_id'],
  ['signalen', 'ix_signalen_ingebracht_door', 'ingebracht_door_id'],
  ['signalen', 'ix_signalen_perceel', 'perceel_id'],
  ['signalen', 'ix_signalen_wijk', 'wijk_id'],
  ['verandertheorieen', 'ix_verandertheorieen_aanbieder', 'aanbieder_id'],
  ['veronderstelling_diagnoses', 'ix_veronderstelling_diagnoses_kpi', 'kpi_id'],
  ['notificaties', 'ix_notificaties_gemeente', 'gemeente_id'],
  ['dossiers', 'ix_dossiers_aangevraagd_door', 'aangevraagd_door_id'],
];

export class AddForeignKeyIndexes1796400000000 implements MigrationInterface {
  name = 'AddForeignKeyIndexes1796400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [tabel, naam, kolom] of INDEXEN)
      await queryRunner.query(`CREATE INDEX "${naam}" ON "${tabel}" ("${kolom}")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [, naam] of [...INDEXEN].reverse())
      await queryRunner.query(`DROP INDEX "public"."${naam}"`);
  }
}
