import type { FirmSize, SpecialisedLevel } from '@factoryspace/domain';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';

/** A firm (企业) that rents or looks for space; its users are `users` with role `firm`. */
@Entity('firms')
@Unique('firms_credit_code_uq', ['creditCode'])
@Check(
  'firms_credit_code_ck',
  `credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$'`,
)
@Check('firms_name_ck', `length(btrim(name)) BETWEEN 1 AND 200`)
@Check('firms_size_ck', `size IN ('large', 'medium', 'small', 'micro')`)
@Check(
  'firms_specialised_level_ck',
  `specialised_level IS NULL OR specialised_level IN ('municipal', 'provincial', 'national_little_giant')`,
)
@Check('firms_industry_code_ck', `industry_code ~ '^([A-T]|[0-9]{2})$'`)
@Check('firms_high_tech_ck', `high_tech_expires_on IS NULL OR high_tech_certificate_no IS NOT NULL`)
export class FirmEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'credit_code', type: 'text' })
  creditCode: string;

  @Column({ name: 'legal_representative', type: 'text' })
  legalRepresentative: string;

  @Column({ name: 'industry_code', type: 'text' })
  industryCode: string;

  @Column({ type: 'text' })
  size: FirmSize;

  @Column({ name: 'contact_name', type: 'text' })
  contactName: string;

  @Column({ name: 'contact_phone', type: 'text' })
  contactPhone: string;

  @Column({ name: 'high_tech_certificate_no', type: 'text', nullable: true })
  highTechCertificateNo: string | null;

  @Column({ name: 'high_tech_expires_on', type: 'date', nullable: true })
  highTechExpiresOn: string | null;

  @Column({ name: 'specialised_level', type: 'text', nullable: true })
  specialisedLevel: SpecialisedLevel | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
