import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Typed wijzigingen: every version of a hoofdopdracht says what kind of change it is and which
 * end date it agrees, so an as-of read before a verlenging keeps the old end date. Existing
 * versions become `oorspronkelijk` (version 1) or `scopewijziging` and take the end date the
 * hoofdopdracht has now (the only one known).
 */
export class AddHoofdopdrachtWijzigingssoort1796800000000 implements MigrationInterface {
  name = 'AddHoofdopdrachtWijzigingssoort1796800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "hoofdopdracht_versies" ADD "soort" character varying(30) NOT NULL DEFAULT 'oorspronkelijk'`,
    );
    await queryRunner.query(`ALTER TABLE "hoofdopdracht_versies" ADD "einddatum" date`);
    await queryRunner.query(
      `UPDATE "hoofdopdracht_versies" v SET "einddatum" = h."einddatum",
              "soort" = CASE WHEN v."versie" = 1 THEN 'oorspronkelijk' ELSE 'scopewijziging' END
         FROM "hoofdopdrachten" h WHERE h."id" = v."hoofdopdracht_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "hoofdopdracht_versies" ALTER COLUMN "einddatum" SET NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "hoofdopdracht_versies" ADD CONSTRAINT "ck_hoofdopdracht_versies_soort" CHECK (soort IN ('oorspronkelijk', 'verlenging', 'budgetwijziging', 'indexering', 'scopewijziging', 'beeindiging'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "hoofdopdracht_versies" DROP CONSTRAINT "ck_hoofdopdracht_versies_soort"`,
    );
    await queryRunner.query(`ALTER TABLE "hoofdopdracht_versies" DROP COLUMN "einddatum"`);
    await queryRunner.query(`ALTER TABLE "hoofdopdracht_versies" DROP COLUMN "soort"`);
  }
}
