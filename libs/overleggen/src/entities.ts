import { Overleg } from './overleg/overleg.entity';

export const OVERLEGGEN_ENTITIES = [Overleg];
