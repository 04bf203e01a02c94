import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateVerantwoording1795397882180 implements MigrationInterface {
  name = 'CreateVerantwoording1795397882180';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "kpis" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "gemeente_id" uuid NOT NULL, "hoofdopdracht_id" uuid, "aanvullende_opdracht_id" uuid, "code" character varying(40) NOT NULL, "huidige_versie" integer NOT NULL DEFAULT '1', "doel_ids" uuid array NOT NULL DEFAULT '{}', "keten_ids" uuid array NOT NULL DEFAULT '{}', "actief" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "ck_kpis_een_opdracht" CHECK ((hoofdopdracht_id IS NULL) <> (aanvullende_opdracht_id IS NULL)), CONSTRAINT "pk_kpis" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_kpis_aanvullende_opdracht" ON "kpis" ("aanvullende_opdracht_id") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_kpis_hoofdopdracht" ON "kpis" ("hoofdopdracht_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_kpis_gemeente_code" ON "kpis" ("gemeente_id", "code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "kpi_versies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kpi_id" uuid NOT NULL, "versie" integer NOT NULL, "naam" character varying(200) NOT NULL, "definitie" text, "teller" text, "noemer" text, "type" character varying(20) NOT NULL, "eenheid" character varying(20) NOT NULL, "richting" character varying(20) NOT NULL, "bron" character varying(30), "bron_omschrijving" text, "frequentie" character varying(20) NOT NULL, "aggregatie" character varying(30) NOT NULL, "per_perceel" boolean NOT NULL DEFAULT true, "geldig_vanaf" character varying(7) NOT NULL, "aangemaakt_door_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_kpi_versies_geldig_vanaf" CHECK (geldig_vanaf ~ '^[0-9]{4}-Q[1-4]$'), CONSTRAINT "ck_kpi_versies_bron" CHECK (bron IS NULL OR bron IN ('registratiesysteem', 'clientervaringsonderzoek', 'eigen-registratie', 'cbs', 'anders')), CONSTRAINT "ck_kpi_versies_aggregatie" CHECK (aggregatie IN ('som', 'gemiddelde', 'gewogen-gemiddelde')), CONSTRAINT "ck_kpi_versies_frequentie" CHECK (frequentie IN ('kwartaal', 'jaar')), CONSTRAINT "ck_kpi_versies_richting" CHECK (richting IN ('hoger-is-beter', 'lager-is-beter')), CONSTRAINT "ck_kpi_versies_eenheid" CHECK (eenheid IN ('aantal', 'percentage', 'euro', 'dagen', 'score')), CONSTRAINT "ck_kpi_versies_type" CHECK (type IN ('input', 'throughput', 'output', 'outcome')), CONSTRAINT "pk_kpi_versies" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_kpi_versies_kpi_versie" ON "kpi_versies" ("kpi_id", "versie") `,
    );
    await queryRunner.query(
      `CREATE TABLE "kpi_normen" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kpi_id" uuid NOT NULL, "periode" character varying(7) NOT NULL, "streefwaarde" numeric(18,4) NOT NULL, "tolerantie_let_op" numeric(18,4) NOT NULL, "tolerantie_uit_koers" numeric(18,4) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "ck_kpi_normen_toleranties" CHECK (tolerantie_let_op >= 0 AND tolerantie_uit_koers >= tolerantie_let_op), CONSTRAINT "ck_kpi_normen_periode" CHECK (periode ~ '^[0-9]{4}(-Q[1-4])?$'), CONSTRAINT "pk_kpi_normen" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_kpi_normen_kpi_periode" ON "kpi_normen" ("kpi_id", "periode") `,
    );
    await queryRunner.query(
      `CREATE TABLE "casussen" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "gemeente_id" uuid NOT NULL, "aanbieder_id" uuid NOT NULL, "periode" character varying(7) NOT NULL, "titel" character varying(300) NOT NULL, "situatie" text NOT NULL, "vraag" text, "waarden" text, "betrokkenen" text, "aanpak" text, "effect" text, "les" text, "kwestie" text, "perceel_id" uuid, "wijk_id" uuid, "kpi_ids" uuid array NOT NULL DEFAULT '{}', "doel_ids" uuid array NOT NULL DEFAULT '{}', "keten_ids" uuid array NOT NULL DEFAULT '{}', "auteur_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "ck_casussen_periode" CHECK (periode ~ '^[0-9]{4}-Q[1-4]$'), CONSTRAINT "pk_casussen" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_casussen_aanbieder_periode" ON "casussen" ("gemeente_id", "aanbieder_id", "periode") `,
    );
    await queryRunner.query(
      `CREATE TABLE "rapportageperiodes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "gemeente_id" uuid NOT NULL, "aanbieder_id" uuid NOT NULL, "aanvullende_opdracht_id" uuid, "periode" character varying(7) NOT NULL, "begindatum" date NOT NULL, "einddatum" date NOT NULL, "deadline" date NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "ck_rapportageperiodes_datums" CHECK (einddatum >= begindatum AND deadline >= einddatum), CONSTRAINT "ck_rapportageperiodes_periode" CHECK (periode ~ '^[0-9]{4}(-Q[1-4])?$'), CONSTRAINT "pk_rapportageperiodes" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_rapportageperiodes_deadline" ON "rapportageperiodes" ("gemeente_id", "deadline") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_rapportageperiodes_aanvullend" ON "rapportageperiodes" ("gemeente_id", "aanbieder_id", "aanvullende_opdracht_id", "periode") WHERE aanvullende_opdracht_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_rapportageperiodes_hoofd" ON "rapportageperiodes" ("gemeente_id", "aanbieder_id", "periode") WHERE aanvullende_opdracht_id IS NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "kwartaalverantwoordingen" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "gemeente_id" uuid NOT NULL, "aanbieder_id" uuid NOT NULL, "rapportageperiode_id" uuid NOT NULL, "periode" character varying(7) NOT NULL, "revisie" integer NOT NULL DEFAULT '1', "status" character varying(20) NOT NULL DEFAULT 'concept', "hoogtepunten" text, "knelpunten" text, "vooruitblik" text, "budget_begroot_centen" bigint, "budget_gerealiseerd_centen" bigint, "budget_toelichting" text, "formatie_fte" numeric(10,2), "vacatures_fte" numeric(10,2), "verloop_percentage" numeric(6,2), "formatie_toelichting" text, "ingediend_op" TIMESTAMP WITH TIME ZONE, "ingediend_door_id" uuid, "vastgesteld_op" TIMESTAMP WITH TIME ZONE, "vastgesteld_door_id" uuid, "teruggezet_op" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "ck_kwartaalverantwoordingen_revisie" CHECK (revisie >= 1), CONSTRAINT "ck_kwartaalverantwoordingen_status" CHECK (status IN ('concept', 'ingediend', 'vastgesteld', 'teruggezet')), CONSTRAINT "pk_kwartaalverantwoordingen" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_kwartaalverantwoordingen_aanbieder" ON "kwartaalverantwoordingen" ("gemeente_id", "aanbieder_id", "periode") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_kwartaalverantwoordingen_periode_revisie" ON "kwartaalverantwoordingen" ("rapportageperiode_id", "revisie") `,
    );
    await queryRunner.query(
      `CREATE TABLE "kpi_waarden" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kwartaalverantwoording_id" uuid NOT NULL, "kpi_id" uuid NOT NULL, "kpi_versie_id" uuid NOT NULL, "perceel_id" uuid, "waarde" numeric(18,4) NOT NULL, "gewicht" numeric(18,4), "toelichting" text, "bron" character varying(200), "datakwaliteit" character varying(20) NOT NULL DEFAULT 'betrouwbaar', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_kpi_waarden_datakwaliteit" CHECK (datakwaliteit IN ('betrouwbaar', 'voorlopig', 'onvolledig', 'onzeker')), CONSTRAINT "pk_kpi_waarden" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_kpi_waarden_kpi" ON "kpi_waarden" ("kpi_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_kpi_waarden_totaal" ON "kpi_waarden" ("kwartaalverantwoording_id", "kpi_id") WHERE perceel_id IS NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_kpi_waarden_perceel" ON "kpi_waarden" ("kwartaalverantwoording_id", "kpi_id", "perceel_id") WHERE perceel_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "kwartaalverantwoording_versies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kwartaalverantwoording_id" uuid NOT NULL, "volgnummer" integer NOT NULL, "revisie" integer NOT NULL, "status" character varying(20) NOT NULL, "inhoud" jsonb NOT NULL, "aangemaakt_door_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_kwartaalverantwoording_versies_status" CHECK (status IN ('concept', 'ingediend', 'vastgesteld', 'teruggezet')), CONSTRAINT "pk_kwartaalverantwoording_versies" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_kwartaalverantwoording_versies_volgnummer" ON "kwartaalverantwoording_versies" ("kwartaalverantwoording_id", "volgnummer") `,
    );
    await queryRunner.query(
      `CREATE TABLE "beoordelingsopmerkingen" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kwartaalverantwoording_id" uuid NOT NULL, "revisie" integer NOT NULL, "onderdeel" character varying(20) NOT NULL, "onderdeel_id" uuid, "tekst" text NOT NULL, "auteur_id" uuid NOT NULL, "reactie" text, "reactie_door_id" uuid, "reactie_op" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "ck_beoordelingsopmerkingen_onderdeel" CHECK (onderdeel IN ('algemeen', 'kpi-waarde', 'verhaal', 'budget', 'formatie', 'casus', 'signaal')), CONSTRAINT "pk_beoordelingsopmerkingen" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_beoordelingsopmerkingen_verantwoording" ON "beoordelingsopmerkingen" ("kwartaalverantwoording_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "signalen" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "gemeente_id" uuid NOT NULL, "organisatie_id" uuid NOT NULL, "titel" character varying(300) NOT NULL, "waarneming" text NOT NULL, "soort" character varying(20) NOT NULL, "status" character varying(20) NOT NULL DEFAULT 'nieuw', "perceel_id" uuid, "wijk_id" uuid, "keten_ids" uuid array NOT NULL DEFAULT '{}', "periode" character varying(7) NOT NULL, "antwoord_termijn" date, "antwoord" text, "terugkoppeling" text, "leerorde" smallint, "ingebracht_door_id" uuid NOT NULL, "beantwoord_op" TIMESTAMP WITH TIME ZONE, "gesloten_op" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "ck_signalen_leerorde" CHECK (leerorde IS NULL OR leerorde IN (1, 2, 3)), CONSTRAINT "ck_signalen_soort" CHECK (soort IN ('regels', 'aanbod', 'samenwerking', 'zijsturing', 'financiering', 'anders')), CONSTRAINT "ck_signalen_status" CHECK (status IN ('nieuw', 'in-analyse', 'geagendeerd', 'beantwoord', 'gesloten')), CONSTRAINT "pk_signalen" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_signalen_organisatie" ON "signalen" ("organisatie_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_signalen_gemeente_status" ON "signalen" ("gemeente_id", "status") `,
    );
    await queryRunner.query(
      `ALTER TABLE "kpis" ADD CONSTRAINT "fk_kpis_gemeente" FOREIGN KEY ("gemeente_id") REFERENCES "gemeenten"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "kpis" ADD CONSTRAINT "fk_kpis_hoofdopdracht" FOREIGN KEY ("hoofdopdracht_id") REFERENCES "hoofdopdrachten"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "kpis" ADD CONSTRAINT "fk_kpis_aanvullende_opdracht" FOREIGN KEY ("aanvullende_opdracht_id") REFERENCES "aanvullende_opdrachten"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "kpi_versies" ADD CONSTRAINT "fk_kpi_versies_kpi" FOREIGN KEY ("kpi_id") REFERENCES "kpis"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "kpi_normen" ADD CONSTRAINT "fk_kpi_normen_kpi" FOREIGN KEY ("kpi_id") REFERENCES "kpis"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "casussen" ADD CONSTRAINT "fk_casussen_gemeente" FOREIGN KEY ("gemeente_id") REFERENCES "gemeenten"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "casussen" ADD CONSTRAINT "fk_casussen_aanbieder" FOREIGN KEY ("aanbieder_id") REFERENCES "organisaties"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "casussen" ADD CONSTRAINT "fk_casussen_perceel" FOREIGN KEY ("perceel_id") REFERENCES "percelen"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "casussen" ADD CONSTRAINT "fk_casussen_wijk" FOREIGN KEY ("wijk_id") REFERENCES "wijken"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "casussen" ADD CONSTRAINT "fk_casussen_auteur" FOREIGN KEY ("auteur_id") REFERENCES "gebruikers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "rapportageperiodes" ADD CONSTRAINT "fk_rapportageperiodes_gemeente" FOREIGN KEY ("gemeente_id") REFERENCES "gemeenten"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "rapportageperiodes" ADD CONSTRAINT "fk_rapportageperiodes_aanbieder" FOREIGN KEY ("aanbieder_id") REFERENCES "organisaties"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "rapportageperiodes" ADD CONSTRAINT "fk_rapportageperiodes_aanvullende_opdracht" FOREIGN KEY ("aanvullende_opdracht_id") REFERENCES "aanvullende_opdrachten"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "kwartaalverantwoordingen" ADD CONSTRAINT "fk_kwartaalverantwoordingen_gemeente" FOREIGN KEY ("gemeente_id") REFERENCES "gemeenten"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "kwartaalverantwoordingen" ADD CONSTRAINT "fk_kwartaalverantwoordingen_aanbieder" FOREIGN KEY ("aanbieder_id") REFERENCES "organisaties"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "kwartaalverantwoordingen" ADD CONSTRAINT "fk_kwartaalverantwoordingen_rapportageperiode" FOREIGN KEY ("rapportageperiode_id") REFERENCES "rapportageperiodes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "kpi_waarden" ADD CONSTRAINT "fk_kpi_waarden_kwartaalverantwoording" FOREIGN KEY ("kwartaalverantwoording_id") REFERENCES "kwartaalverantwoordingen"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "kpi_waarden" ADD CONSTRAINT "fk_kpi_waarden_kpi" FOREIGN KEY ("kpi_id") REFERENCES "kpis"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "kpi_waarden" ADD CONSTRAINT "fk_kpi_waarden_kpi_versie" FOREIGN KEY ("kpi_versie_id") REFERENCES "kpi_versies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "kpi_waarden" ADD CONSTRAINT "fk_kpi_waarden_perceel" FOREIGN KEY ("perceel_id") REFERENCES "percelen"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "kwartaalverantwoording_versies" ADD CONSTRAINT "fk_kwartaalverantwoording_versies_kwartaalverantwoording" FOREIGN KEY ("kwartaalverantwoording_id") REFERENCES "kwartaalverantwoordingen"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "beoordelingsopmerkingen" ADD CONSTRAINT "fk_beoordelingsopmerkingen_kwartaalverantwoording" FOREIGN KEY ("kwartaalverantwoording_id") REFERENCES "kwartaalverantwoordingen"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "beoordelingsopmerkingen" ADD CONSTRAINT "fk_beoordelingsopmerkingen_auteur" FOREIGN KEY ("auteur_id") REFERENCES "gebruikers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "signalen" ADD CONSTRAINT "fk_signalen_gemeente" FOREIGN KEY ("gemeente_id") REFERENCES "gemeenten"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "signalen" ADD CONSTRAINT "fk_signalen_organisatie" FOREIGN KEY ("organisatie_id") REFERENCES "organisaties"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "signalen" ADD CONSTRAINT "fk_signalen_perceel" FOREIGN KEY ("perceel_id") REFERENCES "percelen"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "signalen" ADD CONSTRAINT "fk_signalen_wijk" FOREIGN KEY ("wijk_id") REFERENCES "wijken"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "signalen" ADD CONSTRAINT "fk_signalen_ingebracht_door" FOREIGN KEY ("ingebracht_door_id") REFERENCES "gebruikers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "signalen" DROP CONSTRAINT "fk_signalen_ingebracht_door"`);
    await queryRunner.query(`ALTER TABLE "signalen" DROP CONSTRAINT "fk_signalen_wijk"`);
    await queryRunner.query(`ALTER TABLE "signalen" DROP CONSTRAINT "fk_signalen_perceel"`);
    await queryRunner.query(`ALTER TABLE "signalen" DROP CONSTRAINT "fk_signalen_organisatie"`);
    await queryRunner.query(`ALTER TABLE "signalen" DROP CONSTRAINT "fk_signalen_gemeente"`);
    await queryRunner.query(
      `ALTER TABLE "beoordelingsopmerkingen" DROP CONSTRAINT "fk_beoordelingsopmerkingen_auteur"`,
    );
    await queryRunner.query(
      `ALTER TABLE "beoordelingsopmerkingen" DROP CONSTRAINT "fk_beoordelingsopmerkingen_kwartaalverantwoording"`,
    );
    await queryRunner.query(
      `ALTER TABLE "kwartaalverantwoording_versies" DROP CONSTRAINT "fk_kwartaalverantwoording_versies_kwartaalverantwoording"`,
    );
    await queryRunner.query(`ALTER TABLE "kpi_waarden" DROP CONSTRAINT "fk_kpi_waarden_perceel"`);
    await queryRunner.query(
      `ALTER TABLE "kpi_waarden" DROP CONSTRAINT "fk_kpi_waarden_kpi_versie"`,
    );
    await queryRunner.query(`ALTER TABLE "kpi_waarden" DROP CONSTRAINT "fk_kpi_waarden_kpi"`);
    await queryRunner.query(
      `ALTER TABLE "kpi_waarden" DROP CONSTRAINT "fk_kpi_waarden_kwartaalverantwoording"`,
    );
    await queryRunner.query(
      `ALTER TABLE "kwartaalverantwoordingen" DROP CONSTRAINT "fk_kwartaalverantwoordingen_rapportageperiode"`,
    );
    await queryRunner.query(
      `ALTER TABLE "kwartaalverantwoordingen" DROP CONSTRAINT "fk_kwartaalverantwoordingen_aanbieder"`,
    );
    await queryRunner.query(
      `ALTER TABLE "kwartaalverantwoordingen" DROP CONSTRAINT "fk_kwartaalverantwoordingen_gemeente"`,
    );
    await queryRunner.query(
      `ALTER TABLE "rapportageperiodes" DROP CONSTRAINT "fk_rapportageperiodes_aanvullende_opdracht"`,
    );
    await queryRunner.query(
      `ALTER TABLE "rapportageperiodes" DROP CONSTRAINT "fk_rapportageperiodes_aanbieder"`,
    );
    await queryRunner.query(
      `ALTER TABLE "rapportageperiodes" DROP CONSTRAINT "fk_rapportageperiodes_gemeente"`,
    );
    await queryRunner.query(`ALTER TABLE "casussen" DROP CONSTRAINT "fk_casussen_auteur"`);
    await queryRunner.query(`ALTER TABLE "casussen" DROP CONSTRAINT "fk_casussen_wijk"`);
    await queryRunner.query(`ALTER TABLE "casussen" DROP CONSTRAINT "fk_casussen_perceel"`);
    await queryRunner.query(`ALTER TABLE "casussen" DROP CONSTRAINT "fk_casussen_aanbieder"`);
    await queryRunner.query(`ALTER TABLE "casussen" DROP CONSTRAINT "fk_casussen_gemeente"`);
    await queryRunner.query(`ALTER TABLE "kpi_normen" DROP CONSTRAINT "fk_kpi_normen_kpi"`);
    await queryRunner.query(`ALTER TABLE "kpi_versies" DROP CONSTRAINT "fk_kpi_versies_kpi"`);
    await queryRunner.query(`ALTER TABLE "kpis" DROP CONSTRAINT "fk_kpis_aanvullende_opdracht"`);
    await queryRunner.query(`ALTER TABLE "kpis" DROP CONSTRAINT "fk_kpis_hoofdopdracht"`);
    await queryRunner.query(`ALTER TABLE "kpis" DROP CONSTRAINT "fk_kpis_gemeente"`);
    await queryRunner.query(`DROP INDEX "public"."ix_signalen_gemeente_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_signalen_organisatie"`);
    await queryRunner.query(`DROP TABLE "signalen"`);
    await queryRunner.query(`DROP INDEX "public"."ix_beoordelingsopmerkingen_verantwoording"`);
    await queryRunner.query(`DROP TABLE "beoordelingsopmerkingen"`);
    await queryRunner.query(`DROP INDEX "public"."uq_kwartaalverantwoording_versies_volgnummer"`);
    await queryRunner.query(`DROP TABLE "kwartaalverantwoording_versies"`);
    await queryRunner.query(`DROP INDEX "public"."uq_kpi_waarden_perceel"`);
    await queryRunner.query(`DROP INDEX "public"."uq_kpi_waarden_totaal"`);
    await queryRunner.query(`DROP INDEX "public"."ix_kpi_waarden_kpi"`);
    await queryRunner.query(`DROP TABLE "kpi_waarden"`);
    await queryRunner.query(`DROP INDEX "public"."uq_kwartaalverantwoordingen_periode_revisie"`);
    await queryRunner.query(`DROP INDEX "public"."ix_kwartaalverantwoordingen_aanbieder"`);
    await queryRunner.query(`DROP TABLE "kwartaalverantwoordingen"`);
    await queryRunner.query(`DROP INDEX "public"."uq_rapportageperiodes_hoofd"`);
    await queryRunner.query(`DROP INDEX "public"."uq_rapportageperiodes_aanvullend"`);
    await queryRunner.query(`DROP INDEX "public"."ix_rapportageperiodes_deadline"`);
    await queryRunner.query(`DROP TABLE "rapportageperiodes"`);
    await queryRunner.query(`DROP INDEX "public"."ix_casussen_aanbieder_periode"`);
    await queryRunner.query(`DROP TABLE "casussen"`);
    await queryRunner.query(`DROP INDEX "public"."uq_kpi_normen_kpi_periode"`);
    await queryRunner.query(`DROP TABLE "kpi_normen"`);
    await queryRunner.query(`DROP INDEX "public"."uq_kpi_versies_kpi_versie"`);
    await queryRunner.query(`DROP TABLE "kpi_versies"`);
    await queryRunner.query(`DROP INDEX "public"."uq_kpis_gemeente_code"`);
    await queryRunner.query(`DROP INDEX "public"."ix_kpis_hoofdopdracht"`);
    await queryRunner.query(`DROP INDEX "public"."ix_kpis_aanvullende_opdracht"`);
    await queryRunner.query(`DROP TABLE "kpis"`);
  }
}
