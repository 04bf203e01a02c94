import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  Relation,
} from 'typeorm';
import { Casus } from '@wijkkompas/verantwoording';
import { Verandertheorie } from '../verandertheorie/verandertheorie.entity';

/**
 * A case story that illustrates an element of a theory of change (an outcome or activity):
 * the evidence for an outcome no KPI measures. Element ids are stable across versions; a link
 * to an element a later version removed is simply no longer read.
 */
@Entity({ name: 'verandertheorie_casus_elementen' })
@Index('ix_verandertheorie_casus_elementen_casus', ['casusId'])
export class CasusElement {
  @PrimaryColumn({
    name: 'theorie_id',
    type: 'uuid',
    primaryKeyConstraintName: 'pk_verandertheorie_casus_elementen',
  })
  theorieId: string;

  @PrimaryColumn({
    name: 'casus_id',
    type: 'uuid',
    primaryKeyConstraintName: 'pk_verandertheorie_casus_elementen',
  })
  casusId: string;

  @PrimaryColumn({
    name: 'element_id',
    type: 'uuid',
    primaryKeyConstraintName: 'pk_verandertheorie_casus_elementen',
  })
  elementId: string;

  @ManyToOne(() => Verandertheorie, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'theorie_id',
    foreignKeyConstraintName: 'fk_verandertheorie_casus_elementen_theorie',
  })
  theorie?: Relation<Verandertheorie>;

  @ManyToOne(() => Casus, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'casus_id',
    foreignKeyConstraintName: 'fk_verandertheorie_casus_elementen_casus',
  })
  casus?: Relation<Casus>;

  @Column({ name: 'gekoppeld_door_id', type: 'uuid', nullable: true })
  gekoppeldDoorId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
