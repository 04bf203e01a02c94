import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddDossierHtml1796400000001 implements MigrationInterface {
  name = 'AddDossierHtml1796400000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "dossiers" ADD "html" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "dossiers" DROP COLUMN "html"`);
  }
}
