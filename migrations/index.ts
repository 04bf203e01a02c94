import { CreateFoundation1795394994103 } from './1795394994103-CreateFoundation';
import { CreateOpdrachten1795395896715 } from './1795395896715-CreateOpdrachten';
import { CreateVerantwoording1795397882180 } from './1795397882180-CreateVerantwoording';
import { CreateNotificaties1795600000000 } from './1795600000000-CreateNotificaties';
import { CreateOverleggen1795700000000 } from './1795700000000-CreateOverleggen';
import { CreateVerandertheorieen1795800000000 } from './1795800000000-CreateVerandertheorieen';
import { CreateNotificatieTabel1795850000000 } from './1795850000000-CreateNotificatieTabel';
import { CreateDossiers1795900000000 } from './1795900000000-CreateDossiers';
import { CreateKwartaalritme1795950000000 } from './1795950000000-CreateKwartaalritme';
import { AddDossierPeildatum1796010000000 } from './1796010000000-AddDossierPeildatum';
import { CreateOverlegWerk1796300000000 } from './1796300000000-CreateOverlegWerk';

// Every migration, in order. Append; never edit a migration that has landed.
export const migrations: (new () => object)[] = [
  CreateFoundation1795394994103,
  CreateOpdrachten1795395896715,
  CreateVerantwoording1795397882180,
  CreateNotificaties1795600000000,
  CreateOverleggen1795700000000,
  CreateVerandertheorieen1795800000000,
  CreateNotificatieTabel1795850000000,
  CreateDossiers1795900000000,
  CreateKwartaalritme1795950000000,
  AddDossierPeildatum1796010000000,
  CreateOverlegWerk1796300000000,
];
