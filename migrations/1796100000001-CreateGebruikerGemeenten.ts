import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A user's relation per gemeente: the organisation they work for there, the name a gemeente
 * knows them by, blocked there or not, and its own version, copied from the user for every
 * gemeente the user has a role in. The person keeps e-mail, password and mail preference.
 */
export class CreateGebruikerGemeenten1796100000001 implements MigrationInterface {
  name = 'CreateGebruikerGemeenten1796100000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "gebruiker_gemeenten" ("gebruiker_id" uuid NOT NULL, "gemeente_id" uuid NOT NULL, "organisatie_id" uuid NOT NULL, "naam" character varying(200) NOT NULL, "actief" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "pk_gebruiker_gemeenten" PRIMARY KEY ("gebruiker_id", "gemeente_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_gebruiker_gemeenten_gemeente_id" ON "gebruiker_gemeenten" ("gemeente_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_gebruiker_gemeenten_organisatie_id" ON "gebruiker_gemeenten" ("organisatie_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "gebruiker_gemeenten" ADD CONSTRAINT "fk_gebruiker_gemeenten_organisatie" FOREIGN KEY ("organisatie_id") REFERENCES "organisaties"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "gebruiker_gemeenten" ADD CONSTRAINT "fk_gebruiker_gemeenten_gebruiker" FOREIGN KEY ("gebruiker_id") REFERENCES "gebruikers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "gebruiker_gemeenten" ADD CONSTRAINT "fk_gebruiker_gemeenten_gemeente" FOREIGN KEY ("gemeente_id") REFERENCES "gemeenten"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `INSERT INTO "gebruiker_gemeenten" ("gebruiker_id", "gemeente_id", "organisatie_id", "naam", "actief", "created_at", "version")
       SELECT DISTINCT g."id", r."gemeente_id", g."organisatie_id", g."naam", g."actief", g."created_at", g."version"
         FROM "gebruikers" g JOIN "gebruiker_rollen" r ON r."gebruiker_id" = g."id"`,
    );
    await queryRunner.query(`ALTER TABLE "gebruikers" DROP CONSTRAINT "fk_gebruikers_organisatie"`);
    await queryRunner.query(`DROP INDEX "public"."ix_gebruikers_organisatie_id"`);
    await queryRunner.query(`ALTER TABLE "gebruikers" DROP COLUMN "organisatie_id"`);
    await queryRunner.query(`ALTER TABLE "gebruikers" DROP COLUMN "naam"`);
    await queryRunner.query(`ALTER TABLE "gebruikers" DROP COLUMN "actief"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "gebruikers" ADD "actief" boolean NOT NULL DEFAULT true`);
    await queryRunner.query(`ALTER TABLE "gebruikers" ADD "naam" character varying(200)`);
    await queryRunner.query(`ALTER TABLE "gebruikers" ADD "organisatie_id" uuid`);
    // Back to one name and organisation per person: the oldest relation's; blocked when
    // blocked everywhere.
    await queryRunner.query(
      `UPDATE "gebruikers" g SET
         "naam" = COALESCE(oudste."naam", g."email"),
         "organisatie_id" = oudste."organisatie_id",
         "actief" = COALESCE((SELECT bool_or(gg."actief") FROM "gebruiker_gemeenten" gg
                               WHERE gg."gebruiker_id" = g."id"), true)
       FROM (SELECT DISTINCT ON (gg."gebruiker_id") gg."gebruiker_id", gg."naam", gg."organisatie_id"
               FROM "gebruiker_gemeenten" gg
              ORDER BY gg."gebruiker_id", gg."created_at", gg."gemeente_id") oudste
      WHERE oudste."gebruiker_id" = g."id"`,
    );
    await queryRunner.query(`UPDATE "gebruikers" SET "naam" = "email" WHERE "naam" IS NULL`);
    await queryRunner.query(`ALTER TABLE "gebruikers" ALTER COLUMN "naam" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "gebruikers" ALTER COLUMN "organisatie_id" SET NOT NULL`);
    await queryRunner.query(
      `CREATE INDEX "ix_gebruikers_organisatie_id" ON "gebruikers" ("organisatie_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "gebruikers" ADD CONSTRAINT "fk_gebruikers_organisatie" FOREIGN KEY ("organisatie_id") REFERENCES "organisaties"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`DROP TABLE "gebruiker_gemeenten"`);
  }
}
