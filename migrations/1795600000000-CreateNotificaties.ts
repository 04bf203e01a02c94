import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateNotificaties1795600000000 implements MigrationInterface {
  name = 'CreateNotificaties1795600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "gebruikers" ADD "mail_voorkeur" character varying(20) NOT NULL DEFAULT 'direct'`,
    );
    await queryRunner.query(
      `ALTER TABLE "gebruikers" ADD CONSTRAINT "ck_gebruikers_mail_voorkeur" CHECK (mail_voorkeur IN ('direct', 'dagelijks', 'geen'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "gebruikers" DROP CONSTRAINT "ck_gebruikers_mail_voorkeur"`,
    );
    await queryRunner.query(`ALTER TABLE "gebruikers" DROP COLUMN "mail_voorkeur"`);
  }
}
