import { DataSourceOptions } from 'typeorm';
import { MixedList } from 'typeorm/common/MixedList';
import { EntitySchema } from 'typeorm';
import { migrations } from '../../../../migrations';

/**
 * The single definition of how Wijkkompas talks to PostgreSQL, used by the Nest app and by
 * the migration CLI alike. Entities are registered by the feature modules
 * (TypeOrmModule.forFeature + autoLoadEntities); migrations are listed explicitly so the
 * compiled app and the tests run the same classes.
 */
export function buildDataSourceOptions(
  url: string,
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema> = [],
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    // gen_random_uuid() is built into PostgreSQL 13+ and into PGlite; uuid-ossp is not in PGlite.
    uuidExtension: 'pgcrypto',
    // jit=off: on a read of small tables without fresh statistics the planner expected a huge
    // result and JIT-compiled it (460 ms of compiling for 0.4 ms of work); the application's
    // queries are short OLTP reads that never gain from JIT.
    extra: { max: 10, options: '-c jit=off' },
    logging: false,
  };
}
