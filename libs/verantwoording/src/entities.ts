import { Indicator } from './indicator/indicator.entity';
import { Casus } from './casus/casus.entity';
import { Kpi, KpiNormRecord, KpiVersie } from './kpi/kpi.entity';
import {
  Beoordelingsopmerking,
  KpiWaarde,
  Kwartaalverantwoording,
  KwartaalverantwoordingVersie,
} from './kwartaalverantwoording/kwartaalverantwoording.entity';
import { Rapportageperiode } from './periode/rapportageperiode.entity';
import { Signaal } from './signaal/signaal.entity';

export const VERANTWOORDING_ENTITIES = [
  Indicator,
  Kpi,
  KpiVersie,
  KpiNormRecord,
  Rapportageperiode,
  Kwartaalverantwoording,
  KpiWaarde,
  KwartaalverantwoordingVersie,
  Beoordelingsopmerking,
  Casus,
  Signaal,
];
