import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn, Unique } from 'typeorm';
import { UnitEntity } from '../../units/entities/unit.entity';
import { ApplicationEntity } from './application.entity';

/** At most five alternatives per application, ranked 1 (first choice) to 5. */
export const MAX_APPLICATION_ALTERNATIVES = 5;

/**
 * Another unit the applicant would accept, ranked. Rows go with their application (CASCADE); a
 * unit cannot be deleted while an application names it (RESTRICT). A unit appears at most once
 * per application (`application_alternatives_unit_uq`); that it differs from the application's
 * own unit is the service's rule.
 */
@Entity('application_alternatives')
@Unique('application_alternatives_unit_uq', ['applicationId', 'unitId'])
@Index('application_alternatives_unit_idx', ['unitId'])
@Check('application_alternatives_rank_ck', `rank BETWEEN 1 AND 5`)
export class ApplicationAlternativeEntity {
  @PrimaryColumn({
    name: 'application_id',
    type: 'uuid',
    primaryKeyConstraintName: 'application_alternatives_pk',
  })
  @ForeignKey(() => ApplicationEntity, {
    name: 'application_alternatives_application_fk',
    onDelete: 'CASCADE',
  })
  applicationId: string;

  @PrimaryColumn({
    type: 'smallint',
    primaryKeyConstraintName: 'application_alternatives_pk',
  })
  rank: number;

  @Column({ name: 'unit_id', type: 'uuid' })
  @ForeignKey(() => UnitEntity, { name: 'application_alternatives_unit_fk', onDelete: 'RESTRICT' })
  unitId: string;
}
