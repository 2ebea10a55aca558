import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../../accounts/entities/user.entity';
import { UnitEntity } from '../../units/entities/unit.entity';

/** A unit a firm user keeps on their shortlist (收藏). */
@Entity('favourites')
@Index('favourites_unit_idx', ['unitId'])
export class FavouriteEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'favourites_pk' })
  @ForeignKey(() => UserEntity, { name: 'favourites_user_fk', onDelete: 'CASCADE' })
  userId: string;

  @PrimaryColumn({ name: 'unit_id', type: 'uuid', primaryKeyConstraintName: 'favourites_pk' })
  @ForeignKey(() => UnitEntity, { name: 'favourites_unit_fk', onDelete: 'CASCADE' })
  unitId: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
