import { MigrationInterface, QueryRunner } from 'typeorm';

/** Typed wijzigingen of an active aanvullende opdracht, each a version with its ingangsdatum. */
export class CreateAanvullendeOpdrachtVersies1796800000001 implements MigrationInterface {
  name = 'CreateAanvullendeOpdrachtVersies1796800000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "aanvullende_opdracht_versies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "opdracht_id" uuid NOT NULL, "versie" integer NOT NULL, "soort" character varying(30) NOT NULL, "ingangsdatum" date NOT NULL, "einddatum" date NOT NULL, "budget_centen" bigint NOT NULL, "aandelen" jsonb NOT NULL, "reden" text NOT NULL, "created_by_id" uuid, "created_by_naam" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_aanvullende_opdracht_versies_budget" CHECK (budget_centen >= 0), CONSTRAINT "ck_aanvullende_opdracht_versies_soort" CHECK (soort IN ('oorspronkelijk', 'verlenging', 'budgetwijziging', 'indexering', 'scopewijziging', 'beeindiging')), CONSTRAINT "pk_aanvullende_opdracht_versies" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_aanvullende_opdracht_versies_versie" ON "aanvullende_opdracht_versies" ("opdracht_id", "versie") `,
    );
    await queryRunner.query(
      `ALTER TABLE "aanvullende_opdracht_versies" ADD CONSTRAINT "fk_aanvullende_opdracht_versies_opdracht" FOREIGN KEY ("opdracht_id") REFERENCES "aanvullende_opdrachten"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "aanvullende_opdracht_versies"`);
  }
}
