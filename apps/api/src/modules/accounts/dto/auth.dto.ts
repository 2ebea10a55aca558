import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsDefined,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  FIRM_MEMBER_ROLES,
  INVITATION_ROLES,
  PASSWORD_POLICY,
  USER_ROLES,
  normalizeEmail,
  normalizeMobile,
  type FirmMemberRole,
  type InvitationRole,
  type UserRole,
} from '@factoryspace/domain';
import { IsChineseMobile, IsEmailAddress } from '../../../common/validation/decorators';
import { FirmInputDto } from './firm.dto';

const email = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? normalizeEmail(value) : value;
const mobile = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? normalizeMobile(value) : value;
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Passwords: length only here; the full policy (common, identity…) is checked by the service. */
function PasswordProperty(): PropertyDecorator {
  return (target, key) => {
    ApiProperty({
      minLength: PASSWORD_POLICY.minLength,
      maxLength: PASSWORD_POLICY.maxLength,
      format: 'password',
    })(target, key);
    IsString()(target, key);
    MaxLength(PASSWORD_POLICY.maxLength)(target, key);
  };
}

export class RegisterDto {
  @ApiProperty({ example: 'owner@example.cn' })
  @Transform(email)
  @IsString()
  @IsEmailAddress()
  email: string;

  @PasswordProperty()
  password: string;

  @ApiProperty({ maxLength: 60, example: '张敏' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  displayName: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '13800138000' })
  @IsOptional()
  @Transform(mobile)
  @IsString()
  @IsChineseMobile()
  mobile?: string | null;

  @ApiProperty({ type: FirmInputDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => FirmInputDto)
  firm: FirmInputDto;
}

export class LoginDto {
  @ApiProperty({ description: 'Email address or mainland mobile number', maxLength: 254 })
  @IsString()
  @MinLength(1)
  @MaxLength(254)
  identifier: string;

  @ApiProperty({ format: 'password', maxLength: PASSWORD_POLICY.maxLength })
  @IsString()
  @MinLength(1)
  @MaxLength(PASSWORD_POLICY.maxLength)
  password: string;
}

export class ChangePasswordDto {
  @ApiProperty({ format: 'password', maxLength: PASSWORD_POLICY.maxLength })
  @IsString()
  @MinLength(1)
  @MaxLength(PASSWORD_POLICY.maxLength)
  currentPassword: string;

  @PasswordProperty()
  newPassword: string;
}

export class EmailOnlyDto {
  @ApiProperty()
  @Transform(email)
  @IsString()
  @IsEmailAddress()
  email: string;
}

export class TokenDto {
  @ApiProperty({ maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  token: string;
}

export class ResetPasswordDto extends TokenDto {
  @PasswordProperty()
  newPassword: string;
}

export class AcceptInvitationDto extends TokenDto {
  @PasswordProperty()
  password: string;

  @ApiProperty({ maxLength: 60 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  displayName: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Transform(mobile)
  @IsString()
  @IsChineseMobile()
  mobile?: string | null;
}

export class MessageResponseDto {
  @ApiProperty({ description: 'What happens next, in the language asked for' })
  message: string;
}

export class SessionUserDto {
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
  @ApiProperty() emailVerified: boolean;
}

export class SessionResponseDto {
  @ApiProperty({ type: SessionUserDto }) user: SessionUserDto;
  @ApiProperty({ description: 'Send as X-CSRF-Token on POST/PUT/PATCH/DELETE' }) csrfToken: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}

export class InvitationPreviewDto {
  @ApiProperty() email: string;
  @ApiProperty({ enum: INVITATION_ROLES }) role: InvitationRole;
  @ApiProperty({ type: String, nullable: true }) zoneName: string | null;
  @ApiProperty({ type: String, nullable: true }) firmName: string | null;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}
