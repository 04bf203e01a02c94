import { Global, Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { buildDataSourceOptions } from './data-source.options';
import { runMigrations } from './migrate';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        if (!config.databaseUrl)
          throw new Error('De database-URL is niet bepaald (embedded database niet gestart?)');
        return { ...buildDataSourceOptions(config.databaseUrl), autoLoadEntities: true };
      },
    }),
  ],
})
export class DatabaseModule implements OnModuleInit {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Migrations are applied at start-up. Global modules get their init hooks first, so this
   * runs before any other module's start-up work (seeding, schedules) touches a table.
   */
  async onModuleInit(): Promise<void> {
    const applied = await runMigrations(this.dataSource);
    // New tables and indexes have no statistics until autovacuum gets round to them; without
    // them the planner guesses, and on small tables it guesses badly.
    if (applied.length) await this.dataSource.query('ANALYZE');
  }
}
