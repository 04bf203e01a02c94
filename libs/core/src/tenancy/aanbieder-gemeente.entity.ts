import {
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  Relation,
} from 'typeorm';
import { Gemeente } from './gemeente.entity';
import { Organisatie } from './organisatie.entity';

/** An aanbieder works for a gemeente: only then can its people get roles there. */
@Entity({ name: 'aanbieder_gemeenten' })
@Index('ix_aanbieder_gemeenten_gemeente_id', ['gemeenteId'])
export class AanbiederGemeente {
  @PrimaryColumn({
    name: 'aanbieder_id',
    type: 'uuid',
    primaryKeyConstraintName: 'pk_aanbieder_gemeenten',
  })
  aanbiederId: string;

  @PrimaryColumn({
    name: 'gemeente_id',
    type: 'uuid',
    primaryKeyConstraintName: 'pk_aanbieder_gemeenten',
  })
  gemeenteId: string;

  @ManyToOne(() => Organisatie, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'aanbieder_id',
    foreignKeyConstraintName: 'fk_aanbieder_gemeenten_aanbieder',
  })
  aanbieder?: Relation<Organisatie>;

  @ManyToOne(() => Gemeente, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'gemeente_id', foreignKeyConstraintName: 'fk_aanbieder_gemeenten_gemeente' })
  gemeente?: Relation<Gemeente>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
