/** How the hoofdopdracht's money flows (brief §3; Ebrahim's contingencies decide later KPIs). */
export enum Financieringsvorm {
  LumpSum = 'lump-sum',
  Taakgericht = 'taakgericht',
  Inspanningsgericht = 'inspanningsgericht',
  Outputgericht = 'outputgericht',
}

export enum DoelNiveau {
  Ambitie = 'ambitie',
  Doel = 'doel',
  Resultaat = 'resultaat',
}

export enum DoelThema {
  PreventieSocialeBasis = 'preventie-sociale-basis',
  Zelfredzaamheid = 'zelfredzaamheid',
  Participatie = 'participatie',
  IntegraalWerken = 'integraal-werken',
  Nabijheid = 'nabijheid',
  Maatwerk = 'maatwerk',
  ProfessioneleRuimte = 'professionele-ruimte',
}

export enum OpdrachtBron {
  Gemeentelijk = 'gemeentelijk',
  LandelijkProgramma = 'landelijk-programma',
  Pact = 'pact',
  AnderProgramma = 'ander-programma',
}

export enum BinnengekomenVia {
  Register = 'register',
  BuitenRegister = 'buiten-register',
}

export enum Toetsoordeel {
  Ja = 'ja',
  Nee = 'nee',
  Deels = 'deels',
}

export enum Rapportagefrequentie {
  Maand = 'maand',
  Kwartaal = 'kwartaal',
  Halfjaar = 'halfjaar',
  Jaar = 'jaar',
  Eenmalig = 'eenmalig',
}

export function sqlIn(values: Record<string, string>): string {
  return Object.values(values)
    .map((v) => `'${v}'`)
    .join(', ');
}

/** A parent's level for each level of the goal hierarchy: ambitie → doel → resultaat. */
export const OUDER_NIVEAU: Record<DoelNiveau, DoelNiveau | null> = {
  [DoelNiveau.Ambitie]: null,
  [DoelNiveau.Doel]: DoelNiveau.Ambitie,
  [DoelNiveau.Resultaat]: DoelNiveau.Doel,
};
