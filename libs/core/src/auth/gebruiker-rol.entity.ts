import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
} from 'typeorm';
import { Gemeente } from '../tenancy/gemeente.entity';
import { Rol } from '../tenancy/rol';

const ROL_WAARDEN = Object.values(Rol)
  .map((rol) => `'${rol}'`)
  .join(', ');
import { Gebruiker } from './gebruiker.entity';

/** A role of a user in one gemeente: a provider working for two gemeenten has roles in each. */
@Entity({ name: 'gebruiker_rollen' })
@Index('uq_gebruiker_rollen', ['gebruikerId', 'gemeenteId', 'rol'], { unique: true })
@Index('ix_gebruiker_rollen_gemeente_id', ['gemeenteId'])
@Check('ck_gebruiker_rollen_rol', `rol IN (${ROL_WAARDEN})`)
export class GebruikerRol {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_gebruiker_rollen' })
  id: string;

  @Column({ name: 'gebruiker_id', type: 'uuid' })
  gebruikerId: string;

  @ManyToOne(() => Gebruiker, (gebruiker) => gebruiker.rollen, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'gebruiker_id', foreignKeyConstraintName: 'fk_gebruiker_rollen_gebruiker' })
  gebruiker?: Relation<Gebruiker>;

  @Column({ name: 'gemeente_id', type: 'uuid' })
  gemeenteId: string;

  @ManyToOne(() => Gemeente, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'gemeente_id', foreignKeyConstraintName: 'fk_gebruiker_rollen_gemeente' })
  gemeente?: Relation<Gemeente>;

  @Column({ type: 'varchar', length: 40 })
  rol: Rol;
}
