// The pure core of the dossier: snapshot in, document out, rendered as HTML.
export * from './snapshot';
export * from './kalender';
export * from './kpi-beeld';
export * from './context';
export * from './beoordeling';
export * from './labels';
export * from './sections';
export * from './assembleer';
export * from './diff';
export * from './render/format';
export * from './render/escape';
export * from './render/svg';
export * from './render/secties.html';
export * from './render/html';
