export * from './planner';
export * from './ritme-instelling.entity';
export * from './ritme.service';
export * from './ritme.processor';
export * from './kwartaalritme.module';
