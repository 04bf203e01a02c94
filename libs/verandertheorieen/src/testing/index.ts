export * from './fixture';
