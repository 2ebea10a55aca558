import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import {
  FIRM_MEMBER_ROLES,
  INVITATION_ROLES,
  USER_ROLES,
  USER_STATUSES,
  normalizeEmail,
  type FirmMemberRole,
  type InvitationRole,
  type UserRole,
  type UserStatus,
} from '@factoryspace/domain';
import { PageQueryDto, PageTotalDto } from '../../../common/pagination';
import { IsEmailAddress } from '../../../common/validation/decorators';

export const STAFF_ROLES = ['staff', 'zone_admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export const INVITATION_STATUSES = ['pending', 'accepted', 'revoked', 'expired'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

const email = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? normalizeEmail(value) : value;

export class ListUsersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  zoneId?: string;

  @ApiPropertyOptional({ enum: USER_ROLES })
  @IsOptional()
  @IsIn(USER_ROLES)
  role?: UserRole;

  @ApiPropertyOptional({ enum: USER_STATUSES })
  @IsOptional()
  @IsIn(USER_STATUSES)
  status?: UserStatus;

  @ApiPropertyOptional({ description: 'Part of the name, email or mobile', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional({ enum: STAFF_ROLES })
  @IsOptional()
  @IsIn(STAFF_ROLES)
  role?: StaffRole;

  @ApiPropertyOptional({ enum: USER_STATUSES })
  @IsOptional()
  @IsIn(USER_STATUSES)
  status?: UserStatus;

  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  version: number;
}

export class UserResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty({ type: String, nullable: true }) mobile: string | null;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: USER_ROLES }) role: UserRole;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) zoneId: string | null;
  @ApiProperty({ type: String, nullable: true }) zoneName: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) firmId: string | null;
  @ApiProperty({ type: String, nullable: true }) firmName: string | null;
  @ApiProperty({ enum: FIRM_MEMBER_ROLES, nullable: true }) firmRole: FirmMemberRole | null;
  @ApiProperty({ enum: USER_STATUSES }) status: UserStatus;
  @ApiProperty() emailVerified: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastLoginAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty() version: number;
}

export class UserPageResponseDto {
  @ApiProperty({ type: [UserResponseDto] }) items: UserResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
  @ApiProperty({ type: PageTotalDto }) total: PageTotalDto;
}

export class CreateInvitationDto {
  @ApiProperty()
  @Transform(email)
  @IsString()
  @IsEmailAddress()
  email: string;

  @ApiProperty({ enum: STAFF_ROLES })
  @IsIn(STAFF_ROLES)
  role: StaffRole;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Required for the super administrator; zone administrators invite to their zone',
  })
  @IsOptional()
  @IsUUID('all')
  zoneId?: string;
}

export class CreateFirmInvitationDto {
  @ApiProperty()
  @Transform(email)
  @IsString()
  @IsEmailAddress()
  email: string;
}

export class ListInvitationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  zoneId?: string;

  @ApiPropertyOptional({ enum: INVITATION_STATUSES })
  @IsOptional()
  @IsIn(INVITATION_STATUSES)
  status?: InvitationStatus;
}

export class InvitationResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: INVITATION_ROLES }) role: InvitationRole;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) zoneId: string | null;
  @ApiProperty({ type: String, nullable: true }) zoneName: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) firmId: string | null;
  @ApiProperty({ type: String, nullable: true }) firmName: string | null;
  @ApiProperty({ enum: INVITATION_STATUSES }) status: InvitationStatus;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, nullable: true }) invitedByName: string | null;
}

export class InvitationPageResponseDto {
  @ApiProperty({ type: [InvitationResponseDto] }) items: InvitationResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
  @ApiProperty({ type: PageTotalDto }) total: PageTotalDto;
}
