import { VeronderstellingDiagnose } from './diagnose/veronderstelling-diagnose.entity';
import { Verandertheorie, VerandertheorieVersie } from './verandertheorie/verandertheorie.entity';
import { CasusElement } from './verhaal/casus-element.entity';

export const VERANDERTHEORIEEN_ENTITIES = [
  Verandertheorie,
  VerandertheorieVersie,
  VeronderstellingDiagnose,
  CasusElement,
];
