import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The notifications of libs/notificaties (the e-mail preference came with
 * 1795600000000-CreateNotificaties). Written by hand; the names match the decorators of
 * Notificatie.
 */
export class CreateNotificatieTabel1795850000000 implements MigrationInterface {
  name = 'CreateNotificatieTabel1795850000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notificaties" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "gemeente_id" uuid NOT NULL, "gebruiker_id" uuid NOT NULL, "soort" character varying(40) NOT NULL, "titel" character varying(300) NOT NULL, "tekst" text NOT NULL, "link" character varying(500), "entiteit_type" character varying(60), "entiteit_id" uuid, "sleutel" character varying(300) NOT NULL, "gelezen_op" TIMESTAMP WITH TIME ZONE, "mail_status" character varying(20) NOT NULL, "mail_pogingen" integer NOT NULL DEFAULT '0', "mail_geclaimd_op" TIMESTAMP WITH TIME ZONE, "mail_volgende_poging_op" TIMESTAMP WITH TIME ZONE, "mail_verzonden_op" TIMESTAMP WITH TIME ZONE, "mail_fout" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_notificaties_mail_pogingen" CHECK (mail_pogingen >= 0), CONSTRAINT "ck_notificaties_entiteit" CHECK ((entiteit_type IS NULL) = (entiteit_id IS NULL)), CONSTRAINT "ck_notificaties_link" CHECK (link IS NULL OR (link LIKE '/%' AND link NOT LIKE '//%')), CONSTRAINT "ck_notificaties_soort" CHECK (soort ~ '^[a-z][a-z0-9-]*$'), CONSTRAINT "ck_notificaties_mail_status" CHECK (mail_status IN ('wachtrij', 'digest', 'bezig', 'verzonden', 'overgeslagen', 'mislukt')), CONSTRAINT "pk_notificaties" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_notificaties_gebruiker_sleutel" ON "notificaties" ("gebruiker_id", "sleutel") `,
    );
    // A user's list, newest first, within the gemeente they are logged in to.
    await queryRunner.query(
      `CREATE INDEX "ix_notificaties_gebruiker" ON "notificaties" ("gebruiker_id", "gemeente_id", "created_at") `,
    );
    // The unread count on every list request stays cheap however many are read.
    await queryRunner.query(
      `CREATE INDEX "ix_notificaties_ongelezen" ON "notificaties" ("gebruiker_id", "gemeente_id") WHERE gelezen_op IS NULL`,
    );
    // The outbox only looks at mails that may still go out; sent ones drop out of the index.
    await queryRunner.query(
      `CREATE INDEX "ix_notificaties_mail_open" ON "notificaties" ("mail_status", "mail_volgende_poging_op") WHERE mail_status IN ('wachtrij', 'digest', 'bezig')`,
    );
    await queryRunner.query(
      `ALTER TABLE "notificaties" ADD CONSTRAINT "fk_notificaties_gemeente" FOREIGN KEY ("gemeente_id") REFERENCES "gemeenten"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notificaties" ADD CONSTRAINT "fk_notificaties_gebruiker" FOREIGN KEY ("gebruiker_id") REFERENCES "gebruikers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "notificaties" DROP CONSTRAINT "fk_notificaties_gebruiker"`,
    );
    await queryRunner.query(
      `ALTER TABLE "notificaties" DROP CONSTRAINT "fk_notificaties_gemeente"`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_notificaties_mail_open"`);
    await queryRunner.query(`DROP INDEX "public"."ix_notificaties_ongelezen"`);
    await queryRunner.query(`DROP INDEX "public"."ix_notificaties_gebruiker"`);
    await queryRunner.query(`DROP INDEX "public"."uq_notificaties_gebruiker_sleutel"`);
    await queryRunner.query(`DROP TABLE "notificaties"`);
  }
}
