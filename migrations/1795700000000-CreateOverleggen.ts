import { MigrationInterface, QueryRunner } from 'typeorm';

/** Meetings (libs/overleggen). Written by hand; names match the entity's decorators. */
export class CreateOverleggen1795700000000 implements MigrationInterface {
  name = 'CreateOverleggen1795700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "overleggen" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "gemeente_id" uuid NOT NULL, "soort" character varying(30) NOT NULL, "titel" character varying(300) NOT NULL, "aanbieder_id" uuid, "keten_id" uuid, "periode" character varying(7), "datum" TIMESTAMP WITH TIME ZONE NOT NULL, "locatie" character varying(300), "deelnemers" jsonb NOT NULL DEFAULT '[]', "status" character varying(20) NOT NULL DEFAULT 'gepland', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "ck_overleggen_deelnemers" CHECK (jsonb_typeof(deelnemers) = 'array'), CONSTRAINT "ck_overleggen_keten" CHECK ((soort = 'ketenoverleg') = (keten_id IS NOT NULL)), CONSTRAINT "ck_overleggen_verantwoordingsgesprek" CHECK (soort <> 'verantwoordingsgesprek' OR (aanbieder_id IS NOT NULL AND periode IS NOT NULL)), CONSTRAINT "ck_overleggen_periode" CHECK (periode IS NULL OR periode ~ '^[0-9]{4}-Q[1-4]$'), CONSTRAINT "ck_overleggen_status" CHECK (status IN ('gepland', 'gehouden', 'geannuleerd')), CONSTRAINT "ck_overleggen_soort" CHECK (soort IN ('verantwoordingsgesprek', 'ketenoverleg', 'ontwikkeloverleg', 'stuurgroep')), CONSTRAINT "pk_overleggen" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_overleggen_keten" ON "overleggen" ("keten_id") `);
    await queryRunner.query(
      `CREATE INDEX "ix_overleggen_aanbieder" ON "overleggen" ("aanbieder_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_overleggen_gemeente_datum" ON "overleggen" ("gemeente_id", "datum") `,
    );
    // One live verantwoordingsgesprek per aanbieder and quarter; a cancelled one makes room.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_overleggen_verantwoordingsgesprek" ON "overleggen" ("gemeente_id", "aanbieder_id", "periode") WHERE soort = 'verantwoordingsgesprek' AND status <> 'geannuleerd'`,
    );
    await queryRunner.query(
      `ALTER TABLE "overleggen" ADD CONSTRAINT "fk_overleggen_gemeente" FOREIGN KEY ("gemeente_id") REFERENCES "gemeenten"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "overleggen" ADD CONSTRAINT "fk_overleggen_aanbieder" FOREIGN KEY ("aanbieder_id") REFERENCES "organisaties"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "overleggen" ADD CONSTRAINT "fk_overleggen_keten" FOREIGN KEY ("keten_id") REFERENCES "ketens"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "overleggen" DROP CONSTRAINT "fk_overleggen_keten"`);
    await queryRunner.query(`ALTER TABLE "overleggen" DROP CONSTRAINT "fk_overleggen_aanbieder"`);
    await queryRunner.query(`ALTER TABLE "overleggen" DROP CONSTRAINT "fk_overleggen_gemeente"`);
    await queryRunner.query(`DROP INDEX "public"."uq_overleggen_verantwoordingsgesprek"`);
    await queryRunner.query(`DROP INDEX "public"."ix_overleggen_gemeente_datum"`);
    await queryRunner.query(`DROP INDEX "public"."ix_overleggen_aanbieder"`);
    await queryRunner.query(`DROP INDEX "public"."ix_overleggen_keten"`);
    await queryRunner.query(`DROP TABLE "overleggen"`);
  }
}
