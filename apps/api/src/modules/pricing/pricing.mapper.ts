/**
 * Pure mappings of the pricing module: database rows → response DTOs, the coverage figure of a
 * zone, and the start-date window of public quotes. No I/O (unit-tested in pricing.mapper.spec.ts).
 */
import type {
  ApplicantProfile,
  QuoteResult,
  QuoteTotals,
  RentPolicyRules,
} from '@factoryspace/domain';
import { tierCoverage } from '@factoryspace/domain';
import { parseNumeric, parseTimestamp } from '../shared/columns';
import type { QuoteUnitSnapshot } from './entities/quote.entity';
import type { RentPolicyStatus } from './entities/rent-policy-version.entity';
import type {
  QuotePolicyDto,
  QuoteResponseDto,
  QuoteUnitDto,
  SavedQuoteDto,
  SavedQuoteSummaryDto,
} from './dto/quote.dto';
import type {
  PublicRentPolicyDto,
  RentPolicyCoverageDto,
  RentPolicyVersionDto,
  RentPolicyVersionSummaryDto,
} from './dto/rent-policy.dto';
import type { RentPolicyRulesDto } from './dto/rent-policy-rules.dto';

/** A `rent_policy_versions` row as the repository selects it (dates formatted by SQL). */
export interface RentPolicyRow {
  id: string;
  zoneId: string;
  versionNo: number;
  name: string;
  status: RentPolicyStatus;
  effectiveFrom: string | null;
  publishedAt: Date | string | null;
  updatedAt: Date | string;
  version: number;
  notes: string | null;
  rules: RentPolicyRules;
}

/** The jsonb document as the OpenAPI type (the same data; StackingRule is a union in the domain). */
const rulesDto = (rules: RentPolicyRules): RentPolicyRulesDto =>
  rules as unknown as RentPolicyRulesDto;

export function mapPolicySummary(
  row: RentPolicyRow,
  currentId: string | null,
): RentPolicyVersionSummaryDto {
  return {
    id: row.id,
    zoneId: row.zoneId,
    versionNo: row.versionNo,
    name: row.name,
    status: row.status,
    effectiveFrom: row.effectiveFrom,
    publishedAt: row.publishedAt === null ? null : parseTimestamp(row.publishedAt),
    updatedAt: parseTimestamp(row.updatedAt),
    version: row.version,
    isCurrent: row.id === currentId,
  };
}

export function mapPolicy(row: RentPolicyRow, currentId: string | null): RentPolicyVersionDto {
  return { ...mapPolicySummary(row, currentId), notes: row.notes, rules: rulesDto(row.rules) };
}

export function mapPublicPolicy(row: RentPolicyRow): PublicRentPolicyDto {
  return {
    id: row.id,
    zoneId: row.zoneId,
    versionNo: row.versionNo,
    name: row.name,
    effectiveFrom: row.effectiveFrom!,
    rules: rulesDto(row.rules),
  };
}

export function quotePolicyOf(
  row: Pick<RentPolicyRow, 'id' | 'versionNo' | 'name' | 'effectiveFrom'>,
): QuotePolicyDto {
  return {
    id: row.id,
    versionNo: row.versionNo,
    name: row.name,
    effectiveFrom: row.effectiveFrom,
  };
}

/** A unit as a quote needs it (list rent present). */
export interface QuotableUnit {
  id: string;
  zoneId: string;
  code: string;
  name: string;
  grossArea: number;
  floorFrom: number;
  listRentFen: number;
}

export function quoteUnitOf(unit: QuotableUnit): QuoteUnitDto {
  return {
    id: unit.id,
    code: unit.code,
    name: unit.name,
    zoneId: unit.zoneId,
    grossArea: unit.grossArea,
    floor: unit.floorFrom,
    listRentFenPerM2: unit.listRentFen,
  };
}

/** Only the three fields of a profile, in a fixed order (never the DTO instance itself). */
export function profileOf(profile: ApplicantProfile): ApplicantProfile {
  return {
    leadingIndustry: profile.leadingIndustry,
    highTech: profile.highTech,
    specialisedLevel: profile.specialisedLevel ?? null,
  };
}

/** A `quotes` row joined with its policy version, as the repository selects it. */
export interface SavedQuoteRow {
  id: string;
  createdAt: Date | string;
  unitId: string;
  zoneId: string;
  termMonths: number;
  startDate: string;
  profile: ApplicantProfile;
  unitSnapshot: QuoteUnitSnapshot;
  result: QuoteResult;
  policyId: string;
  policyVersionNo: number;
  policyName: string;
  policyEffectiveFrom: string | null;
}

const policyOfQuote = (
  row: Pick<SavedQuoteRow, 'policyId' | 'policyVersionNo' | 'policyName' | 'policyEffectiveFrom'>,
) =>
  quotePolicyOf({
    id: row.policyId,
    versionNo: row.policyVersionNo,
    name: row.policyName,
    effectiveFrom: row.policyEffectiveFrom,
  });

/** A saved quote exactly as stored: the unit as it was, the locked policy, the stored result. */
export function mapSavedQuote(row: SavedQuoteRow): SavedQuoteDto {
  const snapshot = row.unitSnapshot;
  const response: QuoteResponseDto = {
    unit: {
      id: row.unitId,
      code: snapshot.code,
      name: snapshot.name,
      zoneId: row.zoneId,
      grossArea: snapshot.areaM2,
      floor: snapshot.floor,
      listRentFenPerM2: snapshot.listRentFenPerM2,
    },
    policy: policyOfQuote(row),
    profile: row.profile,
    result: row.result,
  };
  return { id: row.id, createdAt: parseTimestamp(row.createdAt), ...response };
}

export type SavedQuoteSummaryRow = Omit<SavedQuoteRow, 'result' | 'profile'> & {
  totals: QuoteTotals;
};

export function mapSavedQuoteSummary(row: SavedQuoteSummaryRow): SavedQuoteSummaryDto {
  return {
    id: row.id,
    createdAt: parseTimestamp(row.createdAt),
    unit: { id: row.unitId, code: row.unitSnapshot.code, name: row.unitSnapshot.name },
    policy: policyOfQuote(row),
    termMonths: row.termMonths,
    startDate: row.startDate,
    totals: row.totals,
  };
}

/** A unit of the zone for the coverage figure. */
export interface CoverageUnitRow {
  parkId: string;
  parkName: string;
  floorFrom: number;
  grossArea: number | string;
}

const centi = (m2: number | string): number => Math.round(parseNumeric(m2)! * 100);
const m2 = (centiM2: number): number => centiM2 / 100;

/**
 * The share of a zone's area that gets any floor or area tier discount (`tierCoverage` of each
 * unit's lowest floor and gross area). Areas are summed in hundredths of m² (exact integers);
 * parks are listed by name.
 */
export function summarizeCoverage(
  rules: RentPolicyRules,
  units: readonly CoverageUnitRow[],
): RentPolicyCoverageDto {
  let zone = 0;
  let covered = 0;
  let floorArea = 0;
  let areaArea = 0;
  let coveredUnits = 0;
  const parks = new Map<string, { parkName: string; area: number; covered: number }>();
  for (const unit of units) {
    const area = centi(unit.grossArea);
    const c = tierCoverage(rules, { floor: unit.floorFrom, areaM2: area / 100 });
    const park = parks.get(unit.parkId) ?? { parkName: unit.parkName, area: 0, covered: 0 };
    zone += area;
    park.area += area;
    if (c.covered) {
      covered += area;
      park.covered += area;
      coveredUnits += 1;
    }
    if (c.floorPct > 0) floorArea += area;
    if (c.areaPct > 0) areaArea += area;
    parks.set(unit.parkId, park);
  }
  return {
    zoneAreaM2: m2(zone),
    coveredAreaM2: m2(covered),
    coveredShare: zone === 0 ? 0 : Math.round((covered / zone) * 10_000) / 10_000,
    unitCount: units.length,
    coveredUnitCount: coveredUnits,
    floorTierAreaM2: m2(floorArea),
    areaTierAreaM2: m2(areaArea),
    byPark: [...parks.entries()]
      .map(([parkId, p]) => ({
        parkId,
        parkName: p.parkName,
        areaM2: m2(p.area),
        coveredAreaM2: m2(p.covered),
      }))
      .sort(
        (a, b) => a.parkName.localeCompare(b.parkName, 'zh-CN') || a.parkId.localeCompare(b.parkId),
      ),
  };
}

/** `iso` plus `years` calendar years (29 February → 28 February in a common year). */
export function addYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y + years, m - 1, d));
  if (date.getUTCMonth() !== m - 1) date.setUTCDate(0);
  return date.toISOString().slice(0, 10);
}

/** The start dates a public quote accepts: today (China) to today + `years` years, inclusive. */
export function startDateWindow(today: string, years: number): { min: string; max: string } {
  return { min: today, max: addYears(today, years) };
}
