import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An aanbieder working for several gemeenten is one organisation (its KvK number, now unique)
 * with a relation per gemeente: the name as contracted moves onto the relation, each relation
 * gets its own version, and the organisation keeps no name a gemeente could change for another.
 */
export class MoveAanbiederNaamToGemeente1796100000000 implements MigrationInterface {
  name = 'MoveAanbiederNaamToGemeente1796100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "aanbieder_gemeenten" ADD "naam" character varying(200)`);
    await queryRunner.query(
      `UPDATE "aanbieder_gemeenten" ag SET "naam" = o."naam" FROM "organisaties" o WHERE o."id" = ag."aanbieder_id"`,
    );
    await queryRunner.query(`ALTER TABLE "aanbieder_gemeenten" ALTER COLUMN "naam" SET NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "aanbieder_gemeenten" ADD "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`,
    );
    await queryRunner.query(
      `ALTER TABLE "aanbieder_gemeenten" ADD "version" integer NOT NULL DEFAULT '1'`,
    );
    await queryRunner.query(`ALTER TABLE "organisaties" ALTER COLUMN "naam" DROP NOT NULL`);
    await queryRunner.query(`UPDATE "organisaties" SET "naam" = NULL WHERE "soort" = 'aanbieder'`);
    await queryRunner.query(
      `ALTER TABLE "organisaties" ADD CONSTRAINT "ck_organisaties_naam" CHECK ((soort = 'gemeente') = (naam IS NOT NULL))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_organisaties_kvk_nummer" ON "organisaties" ("kvk_nummer") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_organisaties_kvk_nummer"`);
    await queryRunner.query(`ALTER TABLE "organisaties" DROP CONSTRAINT "ck_organisaties_naam"`);
    // Back to one name per organisation: the one of its oldest relation.
    await queryRunner.query(
      `UPDATE "organisaties" o SET "naam" = COALESCE(
         (SELECT ag."naam" FROM "aanbieder_gemeenten" ag WHERE ag."aanbieder_id" = o."id"
           ORDER BY ag."created_at", ag."gemeente_id" LIMIT 1), o."kvk_nummer", o."id"::text)
        WHERE o."soort" = 'aanbieder'`,
    );
    await queryRunner.query(`ALTER TABLE "organisaties" ALTER COLUMN "naam" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "aanbieder_gemeenten" DROP COLUMN "version"`);
    await queryRunner.query(`ALTER TABLE "aanbieder_gemeenten" DROP COLUMN "updated_at"`);
    await queryRunner.query(`ALTER TABLE "aanbieder_gemeenten" DROP COLUMN "naam"`);
  }
}
