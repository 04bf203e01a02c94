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
export * from './verandertheorieen.module';
export * from './verandertheorieen-api.module';
export * from './entities';
export * from './verandertheorie/verandertheorie.entity';
export * from './verandertheorie/inhoud';
export * from './diagnose/veronderstelling-diagnose.entity';
export * from './verhaal/casus-element.entity';
export * from './verhaal/verhalen';
export * from './diagnose/uit-koers';
export * from './verandertheorie/verandertheorie.service';
export * from './verandertheorie/verandertheorie-bewerking.service';
export * from './diagnose/review.service';
export * from './verhaal/verhaal.service';
export * from './dossier/verandertheorie-dossier.service';
export * from './kpi-set/strategie-kpi-set.regel';
export * from './dossier/verandertheorie-dossier.bijdrage';
