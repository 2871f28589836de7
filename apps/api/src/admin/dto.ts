import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { ACCOUNT_NAME, CUTOFF, MERCHANT_ID, ORG_SLUG, OUTLET_PART, Role } from '@conduit/domain';

export class LoginDto {
  @IsEmail({}, { message: 'email must be an email address' }) email!: string;
  @IsString() @MinLength(1, { message: 'password is required' }) @MaxLength(200) password!: string;
}

export class TwoFactorCodeDto {
  /** Six digits from the app, or a recovery code (`xxxx-xxxx-xxxx`). */
  @IsString() @MinLength(6, { message: 'code is required' }) @MaxLength(32) code!: string;
}

export class ChallengeDto {
  @IsString() @MinLength(20, { message: 'challenge is required' }) @MaxLength(100) challenge!: string;
}

export class ChallengeCodeDto extends TwoFactorCodeDto {
  @IsString() @MinLength(20, { message: 'challenge is required' }) @MaxLength(100) challenge!: string;
}

export class CreateOrganizationDto {
  @IsString() @Length(2, 120) name!: string;
  @Matches(ORG_SLUG, { message: 'slug must be lower-case letters, digits and dashes' }) slug!: string;
  @IsIn(['PRACTICE', 'PARTNER'], { message: 'kind must be PRACTICE or PARTNER' }) kind!:
    'PRACTICE' | 'PARTNER';
  @IsOptional() @IsArray() @ArrayMaxSize(200) @IsString({ each: true }) ipAllowlist?: string[];
}

export class UpdateOrganizationDto {
  @IsOptional() @IsString() @Length(2, 120) name?: string;
  @IsOptional() @IsArray() @ArrayMaxSize(200) @IsString({ each: true }) ipAllowlist?: string[];
  @IsOptional() @IsBoolean() requireTwoFactor?: boolean;
}

class MerchantFields {
  @IsOptional() @IsString() @Length(2, 120) name?: string;
  @IsOptional() @IsString() @MaxLength(64) timeZone?: string;
  @IsOptional()
  @Matches(CUTOFF, { message: 'settlementCutoff must be HH:MM (24-hour)' })
  settlementCutoff?: string;
  @IsOptional() @IsIn(['ACTIVE', 'SUSPENDED'], { message: 'status must be ACTIVE or SUSPENDED' }) status?:
    'ACTIVE' | 'SUSPENDED';
  @IsOptional() @IsArray() @ArrayMaxSize(200) @IsString({ each: true }) ipAllowlist?: string[];
  @IsOptional() @IsBoolean() allowUnreferencedRefunds?: boolean;
  /** NVP: ignore fields Conduit does not know instead of refusing the request (legacy senders). */
  @IsOptional() @IsBoolean() ignoreUnknownNvpFields?: boolean;
  /** Also produce the X12 835 posting file for each closed batch (batch-files.md). */
  @IsOptional() @IsBoolean() era835Enabled?: boolean;
  /** The per-transaction amount limit, e.g. "99999.99"; platform admins only (decision 0020). */
  @IsOptional()
  @IsString({ message: 'maxTransactionAmount must be a decimal string like "99999.99"' })
  maxTransactionAmount?: string;
  /** Origins that may frame the hosted payment pages, e.g. https://portal.example.com. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i, {
    each: true,
    message: 'allowedFrameOrigins must hold origins like https://portal.example.com',
  })
  allowedFrameOrigins?: string[];
  /** Payment plans: the merchant-local hour (0–23) of the daily charge run. */
  @IsOptional()
  @IsInt({ message: 'planChargeHour must be a whole hour from 0 to 23' })
  @Min(0, { message: 'planChargeHour must be a whole hour from 0 to 23' })
  @Max(23, { message: 'planChargeHour must be a whole hour from 0 to 23' })
  planChargeHour?: number;
  /** Soft-decline retry days, e.g. [1,3,5] or "1,3,5"; checked by the domain's parseRetryDays. */
  @ApiPropertyOptional({
    oneOf: [
      { type: 'array', items: { type: 'integer' } },
      { type: 'string', example: '1,3,5' },
    ],
    description: 'Soft-decline retry days, e.g. [1,3,5] or "1,3,5"',
  })
  @IsOptional()
  planRetryDays?: unknown;
}

export class CreateMerchantDto extends MerchantFields {
  @Matches(MERCHANT_ID, { message: 'merchantId must be 13 digits' }) merchantId!: string;
  @IsString() @Length(2, 120) override name!: string;
  @IsOptional() @IsUUID() organizationId?: string;
}

export class UpdateMerchantDto extends MerchantFields {
  // react-admin sends the whole record back on edit; read-only fields are accepted and ignored.
  @IsOptional() id?: unknown;
  @IsOptional() merchantId?: unknown;
  @IsOptional() organizationId?: unknown;
  @IsOptional() createdAt?: unknown;
  @IsOptional() updatedAt?: unknown;
  @IsOptional() processor?: unknown;
}

export class CreateOutletDto {
  @Matches(MERCHANT_ID, { message: 'merchantId must be 13 digits' }) merchantId!: string;
  @Matches(OUTLET_PART, { message: 'storeId must be 3 digits' }) storeId!: string;
  @Matches(OUTLET_PART, { message: 'terminalId must be 3 digits' }) terminalId!: string;
  @IsOptional() @IsString() @MaxLength(120) name?: string;
}

/** A server-driven terminal for an outlet; the answer carries its one-time pairing code. */
export class CreateTerminalDto {
  @IsUUID() outletId!: string;
  @IsString() @Length(1, 120) label!: string;
}

export class UpdateOutletDto {
  @IsOptional() @IsString() @MaxLength(120) name?: string;
  @IsOptional() @IsBoolean() active?: boolean;
  @IsOptional() id?: unknown;
  @IsOptional() merchantId?: unknown;
  @IsOptional() organizationId?: unknown;
  @IsOptional() storeId?: unknown;
  @IsOptional() terminalId?: unknown;
  @IsOptional() createdAt?: unknown;
  @IsOptional() updatedAt?: unknown;
}

export class CreateUserDto {
  @IsEmail({}, { message: 'email must be an email address' }) email!: string;
  @IsOptional() @IsString() @MaxLength(120) name?: string;
  @IsEnum(Role, { message: `role must be one of ${Object.values(Role).join(', ')}` }) role!: Role;
  @IsString()
  @MinLength(12, { message: 'password must be at least 12 characters' })
  @MaxLength(200)
  password!: string;
  @IsOptional() @IsUUID() organizationId?: string;
}

export class UpdateUserDto {
  @IsOptional() @IsString() @MaxLength(120) name?: string;
  @IsOptional()
  @IsEnum(Role, { message: `role must be one of ${Object.values(Role).join(', ')}` })
  role?: Role;
  @IsOptional() @IsBoolean() disabled?: boolean;
  @IsOptional()
  @IsString()
  @MinLength(12, { message: 'password must be at least 12 characters' })
  @MaxLength(200)
  password?: string;
  @IsOptional() id?: unknown;
  @IsOptional() email?: unknown;
  @IsOptional() organizationId?: unknown;
  @IsOptional() lastLoginAt?: unknown;
  @IsOptional() createdAt?: unknown;
  @IsOptional() updatedAt?: unknown;
}

export class CreateCredentialDto {
  @IsIn(['ACCOUNT', 'API_KEY'], { message: 'kind must be ACCOUNT or API_KEY' }) kind!: 'ACCOUNT' | 'API_KEY';
  @IsOptional()
  @Matches(ACCOUNT_NAME, { message: 'name must be lower-case letters, digits, dots, dashes or underscores' })
  name?: string;
  @IsOptional() @IsString() @MaxLength(200) description?: string;
  @IsOptional()
  @IsArray()
  @Matches(MERCHANT_ID, { each: true, message: 'merchantIds must hold 13-digit MerchantIDs' })
  merchantIds?: string[];
  @IsOptional() @IsUUID() organizationId?: string;
}

export class UpdateCredentialDto {
  @IsOptional() @IsString() @MaxLength(200) description?: string;
  @IsOptional() @IsBoolean() enabled?: boolean;
  @IsOptional()
  @IsArray()
  @Matches(MERCHANT_ID, { each: true, message: 'merchantIds must hold 13-digit MerchantIDs' })
  merchantIds?: string[];
  @IsOptional() id?: unknown;
  @IsOptional() kind?: unknown;
  @IsOptional() identifier?: unknown;
  @IsOptional() organizationId?: unknown;
  @IsOptional() hasSecret?: unknown;
  @IsOptional() previousSecretValidUntil?: unknown;
  @IsOptional() lastUsedAt?: unknown;
  @IsOptional() rotatedAt?: unknown;
  @IsOptional() createdAt?: unknown;
  @IsOptional() updatedAt?: unknown;
}

export class RotateCredentialDto {
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(30 * 24 * 3600) gracePeriodSeconds?: number;
}

export class CreateGrantDto {
  @Matches(MERCHANT_ID, { message: 'merchantId must be 13 digits' }) merchantId!: string;
  @IsOptional()
  @Matches(ORG_SLUG, { message: 'partnerOrganizationSlug must be an organization slug' })
  partnerOrganizationSlug?: string;
  @IsOptional() @IsUUID() partnerOrganizationId?: string;
  @IsIn(['payments', 'read'], { message: 'scope must be payments or read' }) scope!: 'payments' | 'read';
}

/** The console's "Take a payment" form; amounts and flags are checked again by the SSO rules. */
export class TakePaymentDto {
  @Matches(MERCHANT_ID, { message: 'merchantId must be 13 digits' }) merchantId!: string;
  @Matches(OUTLET_PART, { message: 'storeId must be 3 digits' }) storeId!: string;
  @Matches(OUTLET_PART, { message: 'terminalId must be 3 digits' }) terminalId!: string;
  @IsOptional()
  @IsIn(['Sale', 'SaveOnFile'], { message: 'transactionAction must be Sale or SaveOnFile' })
  transactionAction?: 'Sale' | 'SaveOnFile';
  @IsOptional() @IsString() @MaxLength(16) amount?: string;
  @IsOptional() @IsBoolean() isReadOnly?: boolean;
  @IsOptional() @IsString() @MaxLength(64) patientId?: string;
  @IsOptional() @IsString() @MaxLength(64) patientFirstName?: string;
  @IsOptional() @IsString() @MaxLength(64) patientLastName?: string;
  @IsOptional() @IsBoolean() preventCheck?: boolean;
  @IsOptional() @IsBoolean() preventCard?: boolean;
}
