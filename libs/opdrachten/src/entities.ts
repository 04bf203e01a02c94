import {
  AanvullendeOpdracht,
  AanvullendeOpdrachtAanbieder,
  AanvullendeOpdrachtKeten,
  AanvullendeOpdrachtPerceel,
  AanvullendeOpdrachtReactie,
  AanvullendeOpdrachtStatuswijziging,
  AanvullendeOpdrachtVersie,
} from './aanvullende-opdracht/aanvullende-opdracht.entity';
import { Doel } from './doel/doel.entity';
import {
  Hoofdopdracht,
  HoofdopdrachtJaarbudget,
  HoofdopdrachtVersie,
} from './hoofdopdracht/hoofdopdracht.entity';
import { Keten } from './keten/keten.entity';
import {
  Perceel,
  PerceelProgramma,
  PerceelToewijzing,
  PerceelWijk,
} from './perceel/perceel.entity';
import { Wijk } from './wijk/wijk.entity';

export const OPDRACHTEN_ENTITIES = [
  Wijk,
  Perceel,
  PerceelWijk,
  PerceelToewijzing,
  PerceelProgramma,
  Keten,
  Hoofdopdracht,
  HoofdopdrachtVersie,
  HoofdopdrachtJaarbudget,
  Doel,
  AanvullendeOpdracht,
  AanvullendeOpdrachtAanbieder,
  AanvullendeOpdrachtPerceel,
  AanvullendeOpdrachtKeten,
  AanvullendeOpdrachtStatuswijziging,
  AanvullendeOpdrachtReactie,
  AanvullendeOpdrachtVersie,
];
