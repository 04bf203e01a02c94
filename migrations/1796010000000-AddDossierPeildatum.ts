import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddDossierPeildatum1796010000000 implements MigrationInterface {
  name = 'AddDossierPeildatum1796010000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "dossiers" ADD "peildatum" date`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "dossiers" DROP COLUMN "peildatum"`);
  }
}
