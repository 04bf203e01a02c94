import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateKwartaalritme1795950000000 implements MigrationInterface {
  name = 'CreateKwartaalritme1795950000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "ritme_instellingen" ("gemeente_id" uuid NOT NULL, "herinnering_dagen" integer array NOT NULL, "dossier_dagen_voor_gesprek" integer NOT NULL, "opdracht_signalering_dagen" integer array NOT NULL, "deadline_dagen" integer NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "ck_ritme_instellingen_deadline_dagen" CHECK (deadline_dagen BETWEEN 0 AND 120), CONSTRAINT "ck_ritme_instellingen_dossier_dagen" CHECK (dossier_dagen_voor_gesprek BETWEEN 0 AND 60), CONSTRAINT "pk_ritme_instellingen" PRIMARY KEY ("gemeente_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "ritme_instellingen" ADD CONSTRAINT "fk_ritme_instellingen_gemeente" FOREIGN KEY ("gemeente_id") REFERENCES "gemeenten"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "ritme_instellingen" DROP CONSTRAINT "fk_ritme_instellingen_gemeente"`,
    );
    await queryRunner.query(`DROP TABLE "ritme_instellingen"`);
  }
}
