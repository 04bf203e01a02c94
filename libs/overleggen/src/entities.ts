import { AgendaVersie, Agendapunt } from './agenda/agenda.entity';
import { Kalenderfeed } from './kalender/kalenderfeed.entity';
import { Overleg } from './overleg/overleg.entity';
import { Actie, Besluit } from './verslag/verslag.entity';

export const OVERLEGGEN_ENTITIES = [
  Overleg,
  Agendapunt,
  AgendaVersie,
  Besluit,
  Actie,
  Kalenderfeed,
];
