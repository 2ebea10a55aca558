import { OmitType } from '@nestjs/swagger';
import { UnitResponseDto } from './unit.dto';

/**
 * Fields of a dossier that only the zone's staff see: why a unit is idle, the legal or technical
 * reason behind its class (legal notes of difficult units), internal contacts, bookkeeping.
 */
export const STAFF_ONLY_UNIT_FIELDS = [
  'idleReasonCategory',
  'idleReasonText',
  'classReason',
  'contactName',
  'contactPhone',
  'isListed',
  'version',
] as const;

/** A listed unit as visitors and firms see it. */
export class PublicUnitResponseDto extends OmitType(UnitResponseDto, STAFF_ONLY_UNIT_FIELDS) {}

export function toPublicUnit(unit: UnitResponseDto): PublicUnitResponseDto {
  const copy: Partial<UnitResponseDto> = { ...unit };
  for (const field of STAFF_ONLY_UNIT_FIELDS) delete copy[field];
  return copy as PublicUnitResponseDto;
}
