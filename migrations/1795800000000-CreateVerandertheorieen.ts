import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Theories of change: the theory with its versions (content as jsonb), the diagnoses of the
 * assumption review per quarter, and the links of case stories to theory elements.
 */
export class CreateVerandertheorieen1795800000000 implements MigrationInterface {
  name = 'CreateVerandertheorieen1795800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "verandertheorieen" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "gemeente_id" uuid NOT NULL, "titel" character varying(200) NOT NULL, "hoofdopdracht_id" uuid, "aanvullende_opdracht_id" uuid, "thema" character varying(100), "aanbieder_id" uuid, "huidige_versie" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "ck_verandertheorieen_huidige_versie" CHECK (huidige_versie >= 1), CONSTRAINT "ck_verandertheorieen_een_onderwerp" CHECK (num_nonnulls(hoofdopdracht_id, aanvullende_opdracht_id, thema) = 1), CONSTRAINT "pk_verandertheorieen" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_verandertheorieen_aanvullende_opdracht" ON "verandertheorieen" ("aanvullende_opdracht_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_verandertheorieen_hoofdopdracht" ON "verandertheorieen" ("hoofdopdracht_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_verandertheorieen_gemeente" ON "verandertheorieen" ("gemeente_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "verandertheorie_versies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "theorie_id" uuid NOT NULL, "versie" integer NOT NULL, "geldig_vanaf" character varying(7) NOT NULL, "inhoud" jsonb NOT NULL, "toelichting" text NOT NULL, "created_by_id" uuid, "created_by_naam" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_verandertheorie_versies_versie" CHECK (versie >= 1), CONSTRAINT "ck_verandertheorie_versies_geldig_vanaf" CHECK (geldig_vanaf ~ '^[0-9]{4}-Q[1-4]$'), CONSTRAINT "pk_verandertheorie_versies" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_verandertheorie_versies_versie" ON "verandertheorie_versies" ("theorie_id", "versie") `,
    );
    await queryRunner.query(
      `CREATE TABLE "veronderstelling_diagnoses" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "theorie_id" uuid NOT NULL, "periode" character varying(7) NOT NULL, "veronderstelling_id" uuid NOT NULL, "kpi_id" uuid, "diagnose" character varying(40) NOT NULL, "notitie" text, "gesteld_door_id" uuid, "gesteld_door_naam" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "ck_veronderstelling_diagnoses_diagnose" CHECK (diagnose IN ('uitvoering', 'randvoorwaarden', 'externe-factor', 'veronderstelling-klopt-niet', 'nog-onbekend')), CONSTRAINT "ck_veronderstelling_diagnoses_periode" CHECK (periode ~ '^[0-9]{4}-Q[1-4]$'), CONSTRAINT "pk_veronderstelling_diagnoses" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_veronderstelling_diagnoses_veronderstelling" ON "veronderstelling_diagnoses" ("theorie_id", "veronderstelling_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_veronderstelling_diagnoses_algemeen" ON "veronderstelling_diagnoses" ("theorie_id", "periode", "veronderstelling_id") WHERE kpi_id IS NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_veronderstelling_diagnoses_kpi" ON "veronderstelling_diagnoses" ("theorie_id", "periode", "veronderstelling_id", "kpi_id") WHERE kpi_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "verandertheorie_casus_elementen" ("theorie_id" uuid NOT NULL, "casus_id" uuid NOT NULL, "element_id" uuid NOT NULL, "gekoppeld_door_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_verandertheorie_casus_elementen" PRIMARY KEY ("theorie_id", "casus_id", "element_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_verandertheorie_casus_elementen_casus" ON "verandertheorie_casus_elementen" ("casus_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "verandertheorieen" ADD CONSTRAINT "fk_verandertheorieen_gemeente" FOREIGN KEY ("gemeente_id") REFERENCES "gemeenten"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "verandertheorieen" ADD CONSTRAINT "fk_verandertheorieen_hoofdopdracht" FOREIGN KEY ("hoofdopdracht_id") REFERENCES "hoofdopdrachten"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "verandertheorieen" ADD CONSTRAINT "fk_verandertheorieen_aanvullende_opdracht" FOREIGN KEY ("aanvullende_opdracht_id") REFERENCES "aanvullende_opdrachten"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "verandertheorieen" ADD CONSTRAINT "fk_verandertheorieen_aanbieder" FOREIGN KEY ("aanbieder_id") REFERENCES "organisaties"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "verandertheorie_versies" ADD CONSTRAINT "fk_verandertheorie_versies_theorie" FOREIGN KEY ("theorie_id") REFERENCES "verandertheorieen"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "veronderstelling_diagnoses" ADD CONSTRAINT "fk_veronderstelling_diagnoses_theorie" FOREIGN KEY ("theorie_id") REFERENCES "verandertheorieen"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "veronderstelling_diagnoses" ADD CONSTRAINT "fk_veronderstelling_diagnoses_kpi" FOREIGN KEY ("kpi_id") REFERENCES "kpis"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "verandertheorie_casus_elementen" ADD CONSTRAINT "fk_verandertheorie_casus_elementen_theorie" FOREIGN KEY ("theorie_id") REFERENCES "verandertheorieen"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "verandertheorie_casus_elementen" ADD CONSTRAINT "fk_verandertheorie_casus_elementen_casus" FOREIGN KEY ("casus_id") REFERENCES "casussen"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "verandertheorie_casus_elementen" DROP CONSTRAINT "fk_verandertheorie_casus_elementen_casus"`,
    );
    await queryRunner.query(
      `ALTER TABLE "verandertheorie_casus_elementen" DROP CONSTRAINT "fk_verandertheorie_casus_elementen_theorie"`,
    );
    await queryRunner.query(
      `ALTER TABLE "veronderstelling_diagnoses" DROP CONSTRAINT "fk_veronderstelling_diagnoses_kpi"`,
    );
    await queryRunner.query(
      `ALTER TABLE "veronderstelling_diagnoses" DROP CONSTRAINT "fk_veronderstelling_diagnoses_theorie"`,
    );
    await queryRunner.query(
      `ALTER TABLE "verandertheorie_versies" DROP CONSTRAINT "fk_verandertheorie_versies_theorie"`,
    );
    await queryRunner.query(
      `ALTER TABLE "verandertheorieen" DROP CONSTRAINT "fk_verandertheorieen_aanbieder"`,
    );
    await queryRunner.query(
      `ALTER TABLE "verandertheorieen" DROP CONSTRAINT "fk_verandertheorieen_aanvullende_opdracht"`,
    );
    await queryRunner.query(
      `ALTER TABLE "verandertheorieen" DROP CONSTRAINT "fk_verandertheorieen_hoofdopdracht"`,
    );
    await queryRunner.query(
      `ALTER TABLE "verandertheorieen" DROP CONSTRAINT "fk_verandertheorieen_gemeente"`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_verandertheorie_casus_elementen_casus"`);
    await queryRunner.query(`DROP TABLE "verandertheorie_casus_elementen"`);
    await queryRunner.query(`DROP INDEX "public"."uq_veronderstelling_diagnoses_kpi"`);
    await queryRunner.query(`DROP INDEX "public"."uq_veronderstelling_diagnoses_algemeen"`);
    await queryRunner.query(`DROP INDEX "public"."ix_veronderstelling_diagnoses_veronderstelling"`);
    await queryRunner.query(`DROP TABLE "veronderstelling_diagnoses"`);
    await queryRunner.query(`DROP INDEX "public"."uq_verandertheorie_versies_versie"`);
    await queryRunner.query(`DROP TABLE "verandertheorie_versies"`);
    await queryRunner.query(`DROP INDEX "public"."ix_verandertheorieen_gemeente"`);
    await queryRunner.query(`DROP INDEX "public"."ix_verandertheorieen_hoofdopdracht"`);
    await queryRunner.query(`DROP INDEX "public"."ix_verandertheorieen_aanvullende_opdracht"`);
    await queryRunner.query(`DROP TABLE "verandertheorieen"`);
  }
}
