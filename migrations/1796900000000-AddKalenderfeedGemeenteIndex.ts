import { MigrationInterface, QueryRunner } from 'typeorm';

/** The calendar feeds' foreign key to their gemeente gets the index every foreign key has. */
export class AddKalenderfeedGemeenteIndex1796900000000 implements MigrationInterface {
  name = 'AddKalenderfeedGemeenteIndex1796900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_kalenderfeeds_gemeente_id" ON "kalenderfeeds" ("gemeente_id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_kalenderfeeds_gemeente_id"`);
  }
}
