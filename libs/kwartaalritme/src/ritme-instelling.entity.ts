import {
  Check,
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  Relation,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Gemeente } from '@wijkkompas/core';

/** A gemeente's settings of the quarterly rhythm; without a row the defaults apply. */
@Entity({ name: 'ritme_instellingen' })
@Check('ck_ritme_instellingen_dossier_dagen', 'dossier_dagen_voor_gesprek BETWEEN 0 AND 60')
@Check('ck_ritme_instellingen_deadline_dagen', 'deadline_dagen BETWEEN 0 AND 120')
export class RitmeInstelling {
  @PrimaryColumn({
    name: 'gemeente_id',
    type: 'uuid',
    primaryKeyConstraintName: 'pk_ritme_instellingen',
  })
  gemeenteId: string;

  @ManyToOne(() => Gemeente, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'gemeente_id', foreignKeyConstraintName: 'fk_ritme_instellingen_gemeente' })
  gemeente?: Relation<Gemeente>;

  @Column({ name: 'herinnering_dagen', type: 'int', array: true })
  herinneringDagen: number[];

  @Column({ name: 'dossier_dagen_voor_gesprek', type: 'int' })
  dossierDagenVoorGesprek: number;

  @Column({ name: 'opdracht_signalering_dagen', type: 'int', array: true })
  opdrachtSignaleringDagen: number[];

  @Column({ name: 'deadline_dagen', type: 'int' })
  deadlineDagen: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}
