import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
  Relation,
} from 'typeorm';
import { GebruikerGemeente } from './gebruiker-gemeente.entity';
import { GebruikerRol } from './gebruiker-rol.entity';

/**
 * A person who can log in: e-mail, password and their own mail preference are theirs, shared
 * by every gemeente. What a gemeente records about them — the organisation they work for there,
 * name, blocked or not, roles — is per gemeente (GebruikerGemeente, GebruikerRol).
 */
@Entity({ name: 'gebruikers' })
@Index('uq_gebruikers_email', ['email'], { unique: true })
@Check('ck_gebruikers_mail_voorkeur', `mail_voorkeur IN ('direct', 'dagelijks', 'geen')`)
export class Gebruiker {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_gebruikers' })
  id: string;

  /** Stored lower-case; login compares lower-case. */
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash: string;

  /** How notifications reach this user by e-mail: each at once, one digest a day, or not. */
  @Column({ name: 'mail_voorkeur', type: 'varchar', length: 20, default: 'direct' })
  mailVoorkeur: 'direct' | 'dagelijks' | 'geen';

  @OneToMany(() => GebruikerRol, (rol) => rol.gebruiker)
  rollen?: Relation<GebruikerRol[]>;

  /** The user's relation with each gemeente: name there, blocked there, its version. */
  @OneToMany(() => GebruikerGemeente, (relatie) => relatie.gebruiker)
  relaties?: Relation<GebruikerGemeente[]>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}
