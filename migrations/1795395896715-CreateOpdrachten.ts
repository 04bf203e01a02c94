import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOpdrachten1795395896715 implements MigrationInterface {
  name = 'CreateOpdrachten1795395896715';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "ketens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "gemeente_id" uuid NOT NULL, "naam" character varying(200) NOT NULL, "omschrijving" text, "ketenregisseur_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "pk_ketens" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_ketens_ketenregisseur" ON "ketens" ("ketenregisseur_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_ketens_gemeente_naam" ON "ketens" ("gemeente_id", "naam") `,
    );
    await queryRunner.query(
      `CREATE TABLE "wijken" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "gemeente_id" uuid NOT NULL, "cbs_code" character varying(8) NOT NULL, "naam" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "pk_wijken" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_wijken_gemeente_cbs_code" ON "wijken" ("gemeente_id", "cbs_code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "percelen" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "gemeente_id" uuid NOT NULL, "naam" character varying(200) NOT NULL, "omschrijving" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "pk_percelen" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_percelen_gemeente_naam" ON "percelen" ("gemeente_id", "naam") `,
    );
    await queryRunner.query(
      `CREATE TABLE "perceel_wijken" ("perceel_id" uuid NOT NULL, "wijk_id" uuid NOT NULL, CONSTRAINT "pk_perceel_wijken" PRIMARY KEY ("perceel_id", "wijk_id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_perceel_wijken_wijk" ON "perceel_wijken" ("wijk_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "perceel_toewijzingen" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "perceel_id" uuid NOT NULL, "aanbieder_id" uuid NOT NULL, "van" date NOT NULL, "tot" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_perceel_toewijzingen_periode" CHECK (tot IS NULL OR tot >= van), CONSTRAINT "pk_perceel_toewijzingen" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_perceel_toewijzingen_aanbieder" ON "perceel_toewijzingen" ("aanbieder_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_perceel_toewijzingen_perceel_van" ON "perceel_toewijzingen" ("perceel_id", "van") `,
    );
    await queryRunner.query(
      `CREATE TABLE "perceel_programmas" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "perceel_id" uuid NOT NULL, "naam" character varying(100) NOT NULL, "opdrachtgever" character varying(200) NOT NULL, "van" date NOT NULL, "tot" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_perceel_programmas_periode" CHECK (tot IS NULL OR tot >= van), CONSTRAINT "pk_perceel_programmas" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_perceel_programmas_perceel" ON "perceel_programmas" ("perceel_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "aanvullende_opdrachten" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "gemeente_id" uuid NOT NULL, "titel" character varying(200) NOT NULL, "doel" text NOT NULL, "bron" character varying(30) NOT NULL, "programma_naam" character varying(200), "aanvragende_afdeling" character varying(200) NOT NULL, "opdrachtgever" character varying(200) NOT NULL, "startdatum" date NOT NULL, "einddatum" date NOT NULL, "budget_centen" bigint NOT NULL, "geoormerkt" boolean NOT NULL DEFAULT false, "thema" character varying(100) NOT NULL, "rapportagefrequentie" character varying(20) NOT NULL, "status" character varying(40) NOT NULL, "binnengekomen_via" character varying(20) NOT NULL, "aangevraagd_op" date NOT NULL, "aangevraagd_door_id" uuid, "toets_oordeel" character varying(10), "toets_motivering" text, "getoetst_door_id" uuid, "getoetst_door_naam" character varying(200), "getoetst_op" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "ck_aanvullende_opdrachten_oordeel" CHECK (toets_oordeel IS NULL OR toets_oordeel IN ('ja', 'nee', 'deels')), CONSTRAINT "ck_aanvullende_opdrachten_frequentie" CHECK (rapportagefrequentie IN ('maand', 'kwartaal', 'halfjaar', 'jaar', 'eenmalig')), CONSTRAINT "ck_aanvullende_opdrachten_via" CHECK (binnengekomen_via IN ('register', 'buiten-register')), CONSTRAINT "ck_aanvullende_opdrachten_bron" CHECK (bron IN ('gemeentelijk', 'landelijk-programma', 'pact', 'ander-programma')), CONSTRAINT "ck_aanvullende_opdrachten_status" CHECK (status IN ('aangevraagd', 'getoetst', 'afgewezen', 'actief', 'afgerond', 'beeindigd', 'opgenomen-in-hoofdopdracht')), CONSTRAINT "ck_aanvullende_opdrachten_budget" CHECK (budget_centen >= 0), CONSTRAINT "ck_aanvullende_opdrachten_periode" CHECK (einddatum >= startdatum), CONSTRAINT "pk_aanvullende_opdrachten" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_aanvullende_opdrachten_gemeente_einddatum" ON "aanvullende_opdrachten" ("gemeente_id", "einddatum") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_aanvullende_opdrachten_gemeente_status" ON "aanvullende_opdrachten" ("gemeente_id", "status") `,
    );
    await queryRunner.query(
      `CREATE TABLE "aanvullende_opdracht_aanbieders" ("opdracht_id" uuid NOT NULL, "aanbieder_id" uuid NOT NULL, "budget_centen" bigint NOT NULL, CONSTRAINT "ck_aanvullende_opdracht_aanbieders_budget" CHECK (budget_centen >= 0), CONSTRAINT "pk_aanvullende_opdracht_aanbieders" PRIMARY KEY ("opdracht_id", "aanbieder_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_aanvullende_opdracht_aanbieders_aanbieder" ON "aanvullende_opdracht_aanbieders" ("aanbieder_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "aanvullende_opdracht_percelen" ("opdracht_id" uuid NOT NULL, "perceel_id" uuid NOT NULL, CONSTRAINT "pk_aanvullende_opdracht_percelen" PRIMARY KEY ("opdracht_id", "perceel_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_aanvullende_opdracht_percelen_perceel" ON "aanvullende_opdracht_percelen" ("perceel_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "aanvullende_opdracht_ketens" ("opdracht_id" uuid NOT NULL, "keten_id" uuid NOT NULL, CONSTRAINT "pk_aanvullende_opdracht_ketens" PRIMARY KEY ("opdracht_id", "keten_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_aanvullende_opdracht_ketens_keten" ON "aanvullende_opdracht_ketens" ("keten_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "aanvullende_opdracht_statuswijzigingen" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "opdracht_id" uuid NOT NULL, "van" character varying(40), "naar" character varying(40) NOT NULL, "toelichting" text, "door_id" uuid, "door_naam" character varying(200) NOT NULL, "op" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_aanvullende_opdracht_statuswijzigingen" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_aanvullende_opdracht_statuswijzigingen_opdracht" ON "aanvullende_opdracht_statuswijzigingen" ("opdracht_id", "op") `,
    );
    await queryRunner.query(
      `CREATE TABLE "aanvullende_opdracht_reacties" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "opdracht_id" uuid NOT NULL, "auteur_id" uuid, "auteur_naam" character varying(200) NOT NULL, "organisatie_id" uuid NOT NULL, "tekst" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_aanvullende_opdracht_reacties" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_aanvullende_opdracht_reacties_opdracht" ON "aanvullende_opdracht_reacties" ("opdracht_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "hoofdopdrachten" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "gemeente_id" uuid NOT NULL, "aanbieder_id" uuid NOT NULL, "titel" character varying(200) NOT NULL, "startdatum" date NOT NULL, "einddatum" date NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "ck_hoofdopdrachten_periode" CHECK (einddatum >= startdatum), CONSTRAINT "pk_hoofdopdrachten" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_hoofdopdrachten_gemeente_aanbieder" ON "hoofdopdrachten" ("gemeente_id", "aanbieder_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "hoofdopdracht_versies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "hoofdopdracht_id" uuid NOT NULL, "versie" integer NOT NULL, "ingangsdatum" date NOT NULL, "reden" text NOT NULL, "visie" text NOT NULL, "missie" text NOT NULL, "financieringsvorm" character varying(30) NOT NULL, "herijkingsmomenten" jsonb NOT NULL DEFAULT '[]', "perceel_ids" uuid array NOT NULL DEFAULT '{}', "created_by_id" uuid, "created_by_naam" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_hoofdopdracht_versies_financieringsvorm" CHECK (financieringsvorm IN ('lump-sum', 'taakgericht', 'inspanningsgericht', 'outputgericht')), CONSTRAINT "pk_hoofdopdracht_versies" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_hoofdopdracht_versies_versie" ON "hoofdopdracht_versies" ("hoofdopdracht_id", "versie") `,
    );
    await queryRunner.query(
      `CREATE TABLE "hoofdopdracht_jaarbudgetten" ("versie_id" uuid NOT NULL, "jaar" integer NOT NULL, "budget_centen" bigint NOT NULL, "indexatie_basispunten" integer NOT NULL DEFAULT '0', CONSTRAINT "ck_hoofdopdracht_jaarbudgetten_indexatie" CHECK (indexatie_basispunten BETWEEN -10000 AND 10000), CONSTRAINT "ck_hoofdopdracht_jaarbudgetten_budget" CHECK (budget_centen >= 0), CONSTRAINT "pk_hoofdopdracht_jaarbudgetten" PRIMARY KEY ("versie_id", "jaar"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "doelen" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "gemeente_id" uuid NOT NULL, "hoofdopdracht_id" uuid NOT NULL, "parent_id" uuid, "niveau" character varying(20) NOT NULL, "titel" character varying(300) NOT NULL, "omschrijving" text, "themas" character varying(40) array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "ck_doelen_ambitie_zonder_parent" CHECK ((niveau = 'ambitie') = (parent_id IS NULL)), CONSTRAINT "ck_doelen_niveau" CHECK (niveau IN ('ambitie', 'doel', 'resultaat')), CONSTRAINT "pk_doelen" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_doelen_parent" ON "doelen" ("parent_id") `);
    await queryRunner.query(
      `CREATE INDEX "ix_doelen_hoofdopdracht" ON "doelen" ("hoofdopdracht_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "ketens" ADD CONSTRAINT "fk_ketens_gemeente" FOREIGN KEY ("gemeente_id") REFERENCES "gemeenten"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ketens" ADD CONSTRAINT "fk_ketens_ketenregisseur" FOREIGN KEY ("ketenregisseur_id") REFERENCES "gebruikers"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "wijken" ADD CONSTRAINT "fk_wijken_gemeente" FOREIGN KEY ("gemeente_id") REFERENCES "gemeenten"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "percelen" ADD CONSTRAINT "fk_percelen_gemeente" FOREIGN KEY ("gemeente_id") REFERENCES "gemeenten"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "perceel_wijken" ADD CONSTRAINT "fk_perceel_wijken_perceel" FOREIGN KEY ("perceel_id") REFERENCES "percelen"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "perceel_wijken" ADD CONSTRAINT "fk_perceel_wijken_wijk" FOREIGN KEY ("wijk_id") REFERENCES "wijken"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "perceel_toewijzingen" ADD CONSTRAINT "fk_perceel_toewijzingen_perceel" FOREIGN KEY ("perceel_id") REFERENCES "percelen"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "perceel_toewijzingen" ADD CONSTRAINT "fk_perceel_toewijzingen_aanbieder" FOREIGN KEY ("aanbieder_id") REFERENCES "organisaties"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "perceel_programmas" ADD CONSTRAINT "fk_perceel_programmas_perceel" FOREIGN KEY ("perceel_id") REFERENCES "percelen"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "aanvullende_opdrachten" ADD CONSTRAINT "fk_aanvullende_opdrachten_gemeente" FOREIGN KEY ("gemeente_id") REFERENCES "gemeenten"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "aanvullende_opdrachten" ADD CONSTRAINT "fk_aanvullende_opdrachten_aanvrager" FOREIGN KEY ("aangevraagd_door_id") REFERENCES "gebruikers"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "aanvullende_opdrachten" ADD CONSTRAINT "fk_aanvullende_opdrachten_toetser" FOREIGN KEY ("getoetst_door_id") REFERENCES "gebruikers"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "aanvullende_opdracht_aanbieders" ADD CONSTRAINT "fk_aanvullende_opdracht_aanbieders_opdracht" FOREIGN KEY ("opdracht_id") REFERENCES "aanvullende_opdrachten"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "aanvullende_opdracht_aanbieders" ADD CONSTRAINT "fk_aanvullende_opdracht_aanbieders_aanbieder" FOREIGN KEY ("aanbieder_id") REFERENCES "organisaties"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "aanvullende_opdracht_percelen" ADD CONSTRAINT "fk_aanvullende_opdracht_percelen_opdracht" FOREIGN KEY ("opdracht_id") REFERENCES "aanvullende_opdrachten"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "aanvullende_opdracht_percelen" ADD CONSTRAINT "fk_aanvullende_opdracht_percelen_perceel" FOREIGN KEY ("perceel_id") REFERENCES "percelen"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "aanvullende_opdracht_ketens" ADD CONSTRAINT "fk_aanvullende_opdracht_ketens_opdracht" FOREIGN KEY ("opdracht_id") REFERENCES "aanvullende_opdrachten"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "aanvullende_opdracht_ketens" ADD CONSTRAINT "fk_aanvullende_opdracht_ketens_keten" FOREIGN KEY ("keten_id") REFERENCES "ketens"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "aanvullende_opdracht_statuswijzigingen" ADD CONSTRAINT "fk_aanvullende_opdracht_statuswijzigingen_opdracht" FOREIGN KEY ("opdracht_id") REFERENCES "aanvullende_opdrachten"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "aanvullende_opdracht_reacties" ADD CONSTRAINT "fk_aanvullende_opdracht_reacties_opdracht" FOREIGN KEY ("opdracht_id") REFERENCES "aanvullende_opdrachten"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "hoofdopdrachten" ADD CONSTRAINT "fk_hoofdopdrachten_gemeente" FOREIGN KEY ("gemeente_id") REFERENCES "gemeenten"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "hoofdopdrachten" ADD CONSTRAINT "fk_hoofdopdrachten_aanbieder" FOREIGN KEY ("aanbieder_id") REFERENCES "organisaties"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "hoofdopdracht_versies" ADD CONSTRAINT "fk_hoofdopdracht_versies_hoofdopdracht" FOREIGN KEY ("hoofdopdracht_id") REFERENCES "hoofdopdrachten"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "hoofdopdracht_jaarbudgetten" ADD CONSTRAINT "fk_hoofdopdracht_jaarbudgetten_versie" FOREIGN KEY ("versie_id") REFERENCES "hoofdopdracht_versies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "doelen" ADD CONSTRAINT "fk_doelen_hoofdopdracht" FOREIGN KEY ("hoofdopdracht_id") REFERENCES "hoofdopdrachten"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "doelen" ADD CONSTRAINT "fk_doelen_parent" FOREIGN KEY ("parent_id") REFERENCES "doelen"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "doelen" DROP CONSTRAINT "fk_doelen_parent"`);
    await queryRunner.query(`ALTER TABLE "doelen" DROP CONSTRAINT "fk_doelen_hoofdopdracht"`);
    await queryRunner.query(
      `ALTER TABLE "hoofdopdracht_jaarbudgetten" DROP CONSTRAINT "fk_hoofdopdracht_jaarbudgetten_versie"`,
    );
    await queryRunner.query(
      `ALTER TABLE "hoofdopdracht_versies" DROP CONSTRAINT "fk_hoofdopdracht_versies_hoofdopdracht"`,
    );
    await queryRunner.query(
      `ALTER TABLE "hoofdopdrachten" DROP CONSTRAINT "fk_hoofdopdrachten_aanbieder"`,
    );
    await queryRunner.query(
      `ALTER TABLE "hoofdopdrachten" DROP CONSTRAINT "fk_hoofdopdrachten_gemeente"`,
    );
    await queryRunner.query(
      `ALTER TABLE "aanvullende_opdracht_reacties" DROP CONSTRAINT "fk_aanvullende_opdracht_reacties_opdracht"`,
    );
    await queryRunner.query(
      `ALTER TABLE "aanvullende_opdracht_statuswijzigingen" DROP CONSTRAINT "fk_aanvullende_opdracht_statuswijzigingen_opdracht"`,
    );
    await queryRunner.query(
      `ALTER TABLE "aanvullende_opdracht_ketens" DROP CONSTRAINT "fk_aanvullende_opdracht_ketens_keten"`,
    );
    await queryRunner.query(
      `ALTER TABLE "aanvullende_opdracht_ketens" DROP CONSTRAINT "fk_aanvullende_opdracht_ketens_opdracht"`,
    );
    await queryRunner.query(
      `ALTER TABLE "aanvullende_opdracht_percelen" DROP CONSTRAINT "fk_aanvullende_opdracht_percelen_perceel"`,
    );
    await queryRunner.query(
      `ALTER TABLE "aanvullende_opdracht_percelen" DROP CONSTRAINT "fk_aanvullende_opdracht_percelen_opdracht"`,
    );
    await queryRunner.query(
      `ALTER TABLE "aanvullende_opdracht_aanbieders" DROP CONSTRAINT "fk_aanvullende_opdracht_aanbieders_aanbieder"`,
    );
    await queryRunner.query(
      `ALTER TABLE "aanvullende_opdracht_aanbieders" DROP CONSTRAINT "fk_aanvullende_opdracht_aanbieders_opdracht"`,
    );
    await queryRunner.query(
      `ALTER TABLE "aanvullende_opdrachten" DROP CONSTRAINT "fk_aanvullende_opdrachten_toetser"`,
    );
    await queryRunner.query(
      `ALTER TABLE "aanvullende_opdrachten" DROP CONSTRAINT "fk_aanvullende_opdrachten_aanvrager"`,
    );
    await queryRunner.query(
      `ALTER TABLE "aanvullende_opdrachten" DROP CONSTRAINT "fk_aanvullende_opdrachten_gemeente"`,
    );
    await queryRunner.query(
      `ALTER TABLE "perceel_programmas" DROP CONSTRAINT "fk_perceel_programmas_perceel"`,
    );
    await queryRunner.query(
      `ALTER TABLE "perceel_toewijzingen" DROP CONSTRAINT "fk_perceel_toewijzingen_aanbieder"`,
    );
    await queryRunner.query(
      `ALTER TABLE "perceel_toewijzingen" DROP CONSTRAINT "fk_perceel_toewijzingen_perceel"`,
    );
    await queryRunner.query(
      `ALTER TABLE "perceel_wijken" DROP CONSTRAINT "fk_perceel_wijken_wijk"`,
    );
    await queryRunner.query(
      `ALTER TABLE "perceel_wijken" DROP CONSTRAINT "fk_perceel_wijken_perceel"`,
    );
    await queryRunner.query(`ALTER TABLE "percelen" DROP CONSTRAINT "fk_percelen_gemeente"`);
    await queryRunner.query(`ALTER TABLE "wijken" DROP CONSTRAINT "fk_wijken_gemeente"`);
    await queryRunner.query(`ALTER TABLE "ketens" DROP CONSTRAINT "fk_ketens_ketenregisseur"`);
    await queryRunner.query(`ALTER TABLE "ketens" DROP CONSTRAINT "fk_ketens_gemeente"`);
    await queryRunner.query(`DROP INDEX "public"."ix_doelen_hoofdopdracht"`);
    await queryRunner.query(`DROP INDEX "public"."ix_doelen_parent"`);
    await queryRunner.query(`DROP TABLE "doelen"`);
    await queryRunner.query(`DROP TABLE "hoofdopdracht_jaarbudgetten"`);
    await queryRunner.query(`DROP INDEX "public"."uq_hoofdopdracht_versies_versie"`);
    await queryRunner.query(`DROP TABLE "hoofdopdracht_versies"`);
    await queryRunner.query(`DROP INDEX "public"."ix_hoofdopdrachten_gemeente_aanbieder"`);
    await queryRunner.query(`DROP TABLE "hoofdopdrachten"`);
    await queryRunner.query(`DROP INDEX "public"."ix_aanvullende_opdracht_reacties_opdracht"`);
    await queryRunner.query(`DROP TABLE "aanvullende_opdracht_reacties"`);
    await queryRunner.query(
      `DROP INDEX "public"."ix_aanvullende_opdracht_statuswijzigingen_opdracht"`,
    );
    await queryRunner.query(`DROP TABLE "aanvullende_opdracht_statuswijzigingen"`);
    await queryRunner.query(`DROP INDEX "public"."ix_aanvullende_opdracht_ketens_keten"`);
    await queryRunner.query(`DROP TABLE "aanvullende_opdracht_ketens"`);
    await queryRunner.query(`DROP INDEX "public"."ix_aanvullende_opdracht_percelen_perceel"`);
    await queryRunner.query(`DROP TABLE "aanvullende_opdracht_percelen"`);
    await queryRunner.query(`DROP INDEX "public"."ix_aanvullende_opdracht_aanbieders_aanbieder"`);
    await queryRunner.query(`DROP TABLE "aanvullende_opdracht_aanbieders"`);
    await queryRunner.query(`DROP INDEX "public"."ix_aanvullende_opdrachten_gemeente_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_aanvullende_opdrachten_gemeente_einddatum"`);
    await queryRunner.query(`DROP TABLE "aanvullende_opdrachten"`);
    await queryRunner.query(`DROP INDEX "public"."ix_perceel_programmas_perceel"`);
    await queryRunner.query(`DROP TABLE "perceel_programmas"`);
    await queryRunner.query(`DROP INDEX "public"."ix_perceel_toewijzingen_perceel_van"`);
    await queryRunner.query(`DROP INDEX "public"."ix_perceel_toewijzingen_aanbieder"`);
    await queryRunner.query(`DROP TABLE "perceel_toewijzingen"`);
    await queryRunner.query(`DROP INDEX "public"."uq_perceel_wijken_wijk"`);
    await queryRunner.query(`DROP TABLE "perceel_wijken"`);
    await queryRunner.query(`DROP INDEX "public"."uq_percelen_gemeente_naam"`);
    await queryRunner.query(`DROP TABLE "percelen"`);
    await queryRunner.query(`DROP INDEX "public"."uq_wijken_gemeente_cbs_code"`);
    await queryRunner.query(`DROP TABLE "wijken"`);
    await queryRunner.query(`DROP INDEX "public"."uq_ketens_gemeente_naam"`);
    await queryRunner.query(`DROP INDEX "public"."ix_ketens_ketenregisseur"`);
    await queryRunner.query(`DROP TABLE "ketens"`);
  }
}
