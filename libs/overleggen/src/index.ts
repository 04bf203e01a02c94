export * from './overleggen.module';
export * from './overleggen-api.module';
export * from './entities';
export * from './overleg/overleg.entity';
export * from './overleg/overleg.regels';
export * from './overleg/overleg.tijd';
export * from './overleg/overleg.service';
