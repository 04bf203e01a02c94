import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateFoundation1795394994103 implements MigrationInterface {
  name = 'CreateFoundation1795394994103';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "gemeenten" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "naam" character varying(200) NOT NULL, "cbs_code" character varying(6) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "pk_gemeenten" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_gemeenten_cbs_code" ON "gemeenten" ("cbs_code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "organisaties" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "naam" character varying(200) NOT NULL, "soort" character varying(20) NOT NULL, "kvk_nummer" character varying(8), "gemeente_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "ck_organisaties_gemeente_heeft_gemeente_id" CHECK (soort <> 'gemeente' OR gemeente_id IS NOT NULL), CONSTRAINT "ck_organisaties_soort" CHECK (soort IN ('gemeente', 'aanbieder')), CONSTRAINT "pk_organisaties" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_organisaties_gemeente_id" ON "organisaties" ("gemeente_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "aanbieder_gemeenten" ("aanbieder_id" uuid NOT NULL, "gemeente_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_aanbieder_gemeenten" PRIMARY KEY ("aanbieder_id", "gemeente_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_aanbieder_gemeenten_gemeente_id" ON "aanbieder_gemeenten" ("gemeente_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "audit_entries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "gemeente_id" uuid, "actor_id" uuid, "actor_naam" character varying(200) NOT NULL, "action" character varying(60) NOT NULL, "entity_type" character varying(80) NOT NULL, "entity_id" character varying(80) NOT NULL, "before" jsonb, "after" jsonb, "request_id" character varying(100), "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_audit_entries" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_audit_entries_entity" ON "audit_entries" ("entity_type", "entity_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_audit_entries_gemeente_occurred" ON "audit_entries" ("gemeente_id", "occurred_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "gebruiker_rollen" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "gebruiker_id" uuid NOT NULL, "gemeente_id" uuid NOT NULL, "rol" character varying(40) NOT NULL, CONSTRAINT "ck_gebruiker_rollen_rol" CHECK (rol IN ('contractmanager', 'ketenregisseur', 'beleidsadviseur', 'bestuurder', 'beheerder', 'directeur', 'teamleider', 'kwaliteitsmedewerker')), CONSTRAINT "pk_gebruiker_rollen" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_gebruiker_rollen_gemeente_id" ON "gebruiker_rollen" ("gemeente_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_gebruiker_rollen" ON "gebruiker_rollen" ("gebruiker_id", "gemeente_id", "rol") `,
    );
    await queryRunner.query(
      `CREATE TABLE "gebruikers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "naam" character varying(200) NOT NULL, "password_hash" character varying(255) NOT NULL, "organisatie_id" uuid NOT NULL, "actief" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "pk_gebruikers" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_gebruikers_organisatie_id" ON "gebruikers" ("organisatie_id") `,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_gebruikers_email" ON "gebruikers" ("email") `);
    await queryRunner.query(
      `CREATE TABLE "login_failures" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "ip" character varying(64) NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_login_failures" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_login_failures_ip" ON "login_failures" ("ip", "occurred_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_login_failures_email" ON "login_failures" ("email", "occurred_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "sessies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "gebruiker_id" uuid NOT NULL, "gemeente_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_reason" character varying(40), CONSTRAINT "pk_sessies" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_sessies_gebruiker_id" ON "sessies" ("gebruiker_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "refresh_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "sessie_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pk_refresh_tokens" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_refresh_tokens_sessie_id" ON "refresh_tokens" ("sessie_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_refresh_tokens_token_hash" ON "refresh_tokens" ("token_hash") `,
    );
    await queryRunner.query(
      `ALTER TABLE "organisaties" ADD CONSTRAINT "fk_organisaties_gemeente" FOREIGN KEY ("gemeente_id") REFERENCES "gemeenten"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "aanbieder_gemeenten" ADD CONSTRAINT "fk_aanbieder_gemeenten_aanbieder" FOREIGN KEY ("aanbieder_id") REFERENCES "organisaties"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "aanbieder_gemeenten" ADD CONSTRAINT "fk_aanbieder_gemeenten_gemeente" FOREIGN KEY ("gemeente_id") REFERENCES "gemeenten"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "gebruiker_rollen" ADD CONSTRAINT "fk_gebruiker_rollen_gebruiker" FOREIGN KEY ("gebruiker_id") REFERENCES "gebruikers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "gebruiker_rollen" ADD CONSTRAINT "fk_gebruiker_rollen_gemeente" FOREIGN KEY ("gemeente_id") REFERENCES "gemeenten"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "gebruikers" ADD CONSTRAINT "fk_gebruikers_organisatie" FOREIGN KEY ("organisatie_id") REFERENCES "organisaties"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sessies" ADD CONSTRAINT "fk_sessies_gebruiker" FOREIGN KEY ("gebruiker_id") REFERENCES "gebruikers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "refresh_tokens" ADD CONSTRAINT "fk_refresh_tokens_sessie" FOREIGN KEY ("sessie_id") REFERENCES "sessies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "refresh_tokens" DROP CONSTRAINT "fk_refresh_tokens_sessie"`,
    );
    await queryRunner.query(`ALTER TABLE "sessies" DROP CONSTRAINT "fk_sessies_gebruiker"`);
    await queryRunner.query(`ALTER TABLE "gebruikers" DROP CONSTRAINT "fk_gebruikers_organisatie"`);
    await queryRunner.query(
      `ALTER TABLE "gebruiker_rollen" DROP CONSTRAINT "fk_gebruiker_rollen_gemeente"`,
    );
    await queryRunner.query(
      `ALTER TABLE "gebruiker_rollen" DROP CONSTRAINT "fk_gebruiker_rollen_gebruiker"`,
    );
    await queryRunner.query(
      `ALTER TABLE "aanbieder_gemeenten" DROP CONSTRAINT "fk_aanbieder_gemeenten_gemeente"`,
    );
    await queryRunner.query(
      `ALTER TABLE "aanbieder_gemeenten" DROP CONSTRAINT "fk_aanbieder_gemeenten_aanbieder"`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisaties" DROP CONSTRAINT "fk_organisaties_gemeente"`,
    );
    await queryRunner.query(`DROP INDEX "public"."uq_refresh_tokens_token_hash"`);
    await queryRunner.query(`DROP INDEX "public"."ix_refresh_tokens_sessie_id"`);
    await queryRunner.query(`DROP TABLE "refresh_tokens"`);
    await queryRunner.query(`DROP INDEX "public"."ix_sessies_gebruiker_id"`);
    await queryRunner.query(`DROP TABLE "sessies"`);
    await queryRunner.query(`DROP INDEX "public"."ix_login_failures_email"`);
    await queryRunner.query(`DROP INDEX "public"."ix_login_failures_ip"`);
    await queryRunner.query(`DROP TABLE "login_failures"`);
    await queryRunner.query(`DROP INDEX "public"."uq_gebruikers_email"`);
    await queryRunner.query(`DROP INDEX "public"."ix_gebruikers_organisatie_id"`);
    await queryRunner.query(`DROP TABLE "gebruikers"`);
    await queryRunner.query(`DROP INDEX "public"."uq_gebruiker_rollen"`);
    await queryRunner.query(`DROP INDEX "public"."ix_gebruiker_rollen_gemeente_id"`);
    await queryRunner.query(`DROP TABLE "gebruiker_rollen"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_entries_gemeente_occurred"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_entries_entity"`);
    await queryRunner.query(`DROP TABLE "audit_entries"`);
    await queryRunner.query(`DROP INDEX "public"."ix_aanbieder_gemeenten_gemeente_id"`);
    await queryRunner.query(`DROP TABLE "aanbieder_gemeenten"`);
    await queryRunner.query(`DROP INDEX "public"."ix_organisaties_gemeente_id"`);
    await queryRunner.query(`DROP TABLE "organisaties"`);
    await queryRunner.query(`DROP INDEX "public"."uq_gemeenten_cbs_code"`);
    await queryRunner.query(`DROP TABLE "gemeenten"`);
  }
}
