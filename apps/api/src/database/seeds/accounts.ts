/**
 * Demo accounts, one per role (README "Demo accounts"). Demo only: every row is marked
 * `is_demo`, they share one documented password, and the seed refuses to run where any other
 * user exists (see runSeed).
 */
import type { QueryRunner } from 'typeorm';
import { creditCodeCheckCharacter, type UserRole } from '@factoryspace/domain';
import { hashPassword } from '../../modules/accounts/secrets';
import { GAOPING_ZONE_CODE, JINCHENG_ZONE_CODE } from './constants';

export const DEMO_PASSWORD = 'FactorySpace-demo-2026';

export interface DemoFirm {
  key: 'a' | 'b';
  name: string;
  creditCode: string;
  legalRepresentative: string;
  industryCode: string;
  size: 'small' | 'micro' | 'medium';
  contactName: string;
  contactPhone: string;
  highTechCertificateNo: string | null;
  highTechExpiresOn: string | null;
  specialisedLevel: 'municipal' | 'provincial' | 'national_little_giant' | null;
}

const withCheck = (first17: string) => `${first17}${creditCodeCheckCharacter(first17)}`;

/** Two illustrative firms (示意), with credit codes that pass the GB 32100-2015 check. */
export const DEMO_FIRMS: DemoFirm[] = [
  {
    key: 'a',
    name: '高平示例精密机械有限公司(示意)',
    creditCode: withCheck('91140581MA0K3N7A1'),
    legalRepresentative: '王建国',
    industryCode: '34',
    size: 'small',
    contactName: '王建国',
    contactPhone: '0356-5220001',
    highTechCertificateNo: 'GR202414000123',
    highTechExpiresOn: '2027-10-31',
    specialisedLevel: 'provincial',
  },
  {
    key: 'b',
    name: '晋东示例食品科技有限公司(示意)',
    creditCode: withCheck('91140581MA0K3N7B2'),
    legalRepresentative: '李秀英',
    industryCode: '14',
    size: 'micro',
    contactName: '李秀英',
    contactPhone: '0356-5220002',
    highTechCertificateNo: null,
    highTechExpiresOn: null,
    specialisedLevel: null,
  },
];

export interface DemoAccount {
  email: string;
  displayName: string;
  role: UserRole;
  zoneCode?: string;
  firmKey?: DemoFirm['key'];
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: 'admin@factoryspace.demo', displayName: '平台超级管理员', role: 'super_admin' },
  {
    email: 'gaoping.admin@factoryspace.demo',
    displayName: '高平管理员',
    role: 'zone_admin',
    zoneCode: GAOPING_ZONE_CODE,
  },
  {
    email: 'gaoping.staff@factoryspace.demo',
    displayName: '高平招商专员',
    role: 'staff',
    zoneCode: GAOPING_ZONE_CODE,
  },
  {
    email: 'jincheng.admin@factoryspace.demo',
    displayName: '晋城管理员',
    role: 'zone_admin',
    zoneCode: JINCHENG_ZONE_CODE,
  },
  {
    email: 'jincheng.staff@factoryspace.demo',
    displayName: '晋城招商专员',
    role: 'staff',
    zoneCode: JINCHENG_ZONE_CODE,
  },
  { email: 'firm.a@factoryspace.demo', displayName: '王建国', role: 'firm', firmKey: 'a' },
  { email: 'firm.b@factoryspace.demo', displayName: '李秀英', role: 'firm', firmKey: 'b' },
];

/** Inserts the demo firms and accounts (after the zones). */
export async function insertDemoAccounts(q: QueryRunner): Promise<number> {
  const zones: { id: string; code: string }[] = await q.query('SELECT id, code FROM zones');
  const zoneId = new Map(zones.map((z) => [z.code, z.id]));
  const firmId = new Map<string, string>();
  for (const firm of DEMO_FIRMS) {
    const rows: { id: string }[] = await q.query(
      `INSERT INTO firms (name, credit_code, legal_representative, industry_code, size, contact_name,
                          contact_phone, high_tech_certificate_no, high_tech_expires_on, specialised_level)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        firm.name,
        firm.creditCode,
        firm.legalRepresentative,
        firm.industryCode,
        firm.size,
        firm.contactName,
        firm.contactPhone,
        firm.highTechCertificateNo,
        firm.highTechExpiresOn,
        firm.specialisedLevel,
      ],
    );
    firmId.set(firm.key, rows[0].id);
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const account of DEMO_ACCOUNTS) {
    await q.query(
      `INSERT INTO users (email, display_name, password_hash, role, zone_id, firm_id, firm_role,
                          email_verified_at, is_demo)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now(), true)`,
      [
        account.email,
        account.displayName,
        passwordHash,
        account.role,
        account.zoneCode ? zoneId.get(account.zoneCode) : null,
        account.firmKey ? firmId.get(account.firmKey) : null,
        account.firmKey ? 'owner' : null,
      ],
    );
  }
  return DEMO_ACCOUNTS.length;
}
