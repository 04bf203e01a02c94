export * from './model';
export * from './graaf';
export * from './strategie';
export * from './review';
export { theorieNaarSvg } from './export/svg';
export type { SvgOpties } from './export/svg';
export { theorieNaarMermaid, mermaidLabel } from './export/mermaid';
export { berekenLayout, MAAT } from './export/layout';
export type {
  DiagramLayout,
  KnoopLayout,
  VerbandLayout,
  LegendaItem,
  TekstRegel,
  Punt,
} from './export/layout';
