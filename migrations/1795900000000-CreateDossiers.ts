import { MigrationInterface, QueryRunner } from 'typeorm';

/** Dossiers (libs/dossiers). Written by hand; names match the entity's decorators. */
export class CreateDossiers1795900000000 implements MigrationInterface {
  name = 'CreateDossiers1795900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "dossiers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "gemeente_id" uuid NOT NULL, "aanbieder_id" uuid NOT NULL, "periode" character varying(7) NOT NULL, "overleg_id" uuid, "status" character varying(20) NOT NULL DEFAULT 'wachtrij', "voortgang" smallint NOT NULL DEFAULT '0', "fout" text, "pogingen" integer NOT NULL DEFAULT '0', "versie" integer, "document" jsonb, "inhoud_hash" character varying(64), "vorige_versie_id" uuid, "aangevraagd_door_id" uuid, "aanleiding" character varying(20) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "gereed_op" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_dossiers_gereed" CHECK ((status = 'gereed') = (versie IS NOT NULL AND document IS NOT NULL AND inhoud_hash IS NOT NULL AND gereed_op IS NOT NULL)), CONSTRAINT "ck_dossiers_voortgang" CHECK (voortgang BETWEEN 0 AND 100), CONSTRAINT "ck_dossiers_periode" CHECK (periode ~ '^[0-9]{4}-Q[1-4]$'), CONSTRAINT "ck_dossiers_aanleiding" CHECK (aanleiding IN ('planning', 'op-verzoek')), CONSTRAINT "ck_dossiers_status" CHECK (status IN ('wachtrij', 'bezig', 'gereed', 'mislukt')), CONSTRAINT "pk_dossiers" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_dossiers_vorige_versie" ON "dossiers" ("vorige_versie_id") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_dossiers_overleg" ON "dossiers" ("overleg_id") `);
    await queryRunner.query(`CREATE INDEX "ix_dossiers_aanbieder" ON "dossiers" ("aanbieder_id") `);
    await queryRunner.query(
      `CREATE INDEX "ix_dossiers_gemeente_periode" ON "dossiers" ("gemeente_id", "periode") `,
    );
    // One run at a time per aanbieder and quarter: concurrent requests share it.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_dossiers_actief" ON "dossiers" ("gemeente_id", "aanbieder_id", "periode") WHERE status IN ('wachtrij', 'bezig')`,
    );
    // Version numbers are unique per aanbieder and quarter.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_dossiers_versie" ON "dossiers" ("gemeente_id", "aanbieder_id", "periode", "versie") WHERE versie IS NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "dossiers" ADD CONSTRAINT "fk_dossiers_gemeente" FOREIGN KEY ("gemeente_id") REFERENCES "gemeenten"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "dossiers" ADD CONSTRAINT "fk_dossiers_aanbieder" FOREIGN KEY ("aanbieder_id") REFERENCES "organisaties"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "dossiers" ADD CONSTRAINT "fk_dossiers_overleg" FOREIGN KEY ("overleg_id") REFERENCES "overleggen"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "dossiers" ADD CONSTRAINT "fk_dossiers_vorige_versie" FOREIGN KEY ("vorige_versie_id") REFERENCES "dossiers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "dossiers" ADD CONSTRAINT "fk_dossiers_aangevraagd_door" FOREIGN KEY ("aangevraagd_door_id") REFERENCES "gebruikers"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "dossiers" DROP CONSTRAINT "fk_dossiers_aangevraagd_door"`,
    );
    await queryRunner.query(`ALTER TABLE "dossiers" DROP CONSTRAINT "fk_dossiers_vorige_versie"`);
    await queryRunner.query(`ALTER TABLE "dossiers" DROP CONSTRAINT "fk_dossiers_overleg"`);
    await queryRunner.query(`ALTER TABLE "dossiers" DROP CONSTRAINT "fk_dossiers_aanbieder"`);
    await queryRunner.query(`ALTER TABLE "dossiers" DROP CONSTRAINT "fk_dossiers_gemeente"`);
    await queryRunner.query(`DROP INDEX "public"."uq_dossiers_versie"`);
    await queryRunner.query(`DROP INDEX "public"."uq_dossiers_actief"`);
    await queryRunner.query(`DROP INDEX "public"."ix_dossiers_gemeente_periode"`);
    await queryRunner.query(`DROP INDEX "public"."ix_dossiers_aanbieder"`);
    await queryRunner.query(`DROP INDEX "public"."ix_dossiers_overleg"`);
    await queryRunner.query(`DROP INDEX "public"."ix_dossiers_vorige_versie"`);
    await queryRunner.query(`DROP TABLE "dossiers"`);
  }
}
