import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  Relation,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Gemeente } from '../tenancy/gemeente.entity';
import { Organisatie } from '../tenancy/organisatie.entity';
import { Gebruiker } from './gebruiker.entity';

/**
 * A user's relation with one gemeente. The person (e-mail, password, mail preference) is
 * shared; the organisation they work for there, the name the gemeente knows them by, whether
 * they are blocked there and the version a beheerder edits are per gemeente, so one gemeente's
 * beheerder never changes — or learns of — the user's relation with another.
 */
@Entity({ name: 'gebruiker_gemeenten' })
@Index('ix_gebruiker_gemeenten_gemeente_id', ['gemeenteId'])
@Index('ix_gebruiker_gemeenten_organisatie_id', ['organisatieId'])
export class GebruikerGemeente {
  @PrimaryColumn({
    name: 'gebruiker_id',
    type: 'uuid',
    primaryKeyConstraintName: 'pk_gebruiker_gemeenten',
  })
  gebruikerId: string;

  @PrimaryColumn({
    name: 'gemeente_id',
    type: 'uuid',
    primaryKeyConstraintName: 'pk_gebruiker_gemeenten',
  })
  gemeenteId: string;

  @ManyToOne(() => Gebruiker, (gebruiker) => gebruiker.relaties, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'gebruiker_id',
    foreignKeyConstraintName: 'fk_gebruiker_gemeenten_gebruiker',
  })
  gebruiker?: Relation<Gebruiker>;

  @ManyToOne(() => Gemeente, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'gemeente_id', foreignKeyConstraintName: 'fk_gebruiker_gemeenten_gemeente' })
  gemeente?: Relation<Gemeente>;

  /** The gemeente itself or an aanbieder that works for it. */
  @Column({ name: 'organisatie_id', type: 'uuid' })
  organisatieId: string;

  @ManyToOne(() => Organisatie, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'organisatie_id',
    foreignKeyConstraintName: 'fk_gebruiker_gemeenten_organisatie',
  })
  organisatie?: Relation<Organisatie>;

  @Column({ type: 'varchar', length: 200 })
  naam: string;

  /** False blocks the user in this gemeente only. */
  @Column({ type: 'boolean', default: true })
  actief: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}

/** The user's relation with a gemeente, loaded with it; a reader that forgot to load it fails. */
export function relatieIn(gebruiker: Gebruiker, gemeenteId: string): GebruikerGemeente {
  const relatie = gebruiker.relaties?.find((r) => r.gemeenteId === gemeenteId);
  if (!relatie)
    throw new Error(`Gebruiker ${gebruiker.id} is zonder relatie met de gemeente geladen`);
  return relatie;
}
