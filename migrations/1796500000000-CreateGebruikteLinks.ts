import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateGebruikteLinks1796500000000 implements MigrationInterface {
  name = 'CreateGebruikteLinks1796500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "gebruikte_links" ("id" uuid NOT NULL, "verloopt_op" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_gebruikte_links" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_gebruikte_links_verloopt_op" ON "gebruikte_links" ("verloopt_op") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_gebruikte_links_verloopt_op"`);
    await queryRunner.query(`DROP TABLE "gebruikte_links"`);
  }
}
