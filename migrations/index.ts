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
import { MoveAanbiederNaamToGemeente1796100000000 } from './1796100000000-MoveAanbiederNaamToGemeente';
import { CreateGebruikerGemeenten1796100000001 } from './1796100000001-CreateGebruikerGemeenten';
import { CreateOverlegWerk1796300000000 } from './1796300000000-CreateOverlegWerk';
import { AddForeignKeyIndexes1796400000000 } from './1796400000000-AddForeignKeyIndexes';
import { AddDossierHtml1796400000001 } from './1796400000001-AddDossierHtml';
import { CreateGebruikteLinks1796500000000 } from './1796500000000-CreateGebruikteLinks';
import { AddHoofdopdrachtWijzigingssoort1796800000000 } from './1796800000000-AddHoofdopdrachtWijzigingssoort';
import { CreateAanvullendeOpdrachtVersies1796800000001 } from './1796800000001-CreateAanvullendeOpdrachtVersies';

import { AddKalenderfeedGemeenteIndex1796900000000 } from './1796900000000-AddKalenderfeedGemeenteIndex';
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
  MoveAanbiederNaamToGemeente1796100000000,
  CreateGebruikerGemeenten1796100000001,
  CreateOverlegWerk1796300000000,
  AddForeignKeyIndexes1796400000000,
  AddDossierHtml1796400000001,
  CreateGebruikteLinks1796500000000,
  AddHoofdopdrachtWijzigingssoort1796800000000,
  CreateAanvullendeOpdrachtVersies1796800000001,
  AddKalenderfeedGemeenteIndex1796900000000,
];
