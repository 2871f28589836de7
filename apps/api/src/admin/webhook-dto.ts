import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { MERCHANT_ID } from '@conduit/domain';

const PEM = 64 * 1024;

/** webhook-endpoints fields (docs/webhooks.md); the service checks the combinations. */
export class WebhookEndpointDto {
  @IsOptional() @Matches(MERCHANT_ID, { message: 'merchantId must be 13 digits' }) merchantId?: string;
  @IsOptional() @IsString() @MaxLength(2048) url?: string;
  @IsOptional() @IsIn(['JSON', 'XML', 'NVP'], { message: 'format must be JSON, XML or NVP' }) format?:
    'JSON' | 'XML' | 'NVP';
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) events?: string[];
  @IsOptional() @IsBoolean() sendPaymentNotifications?: boolean;
  @IsOptional() @IsBoolean() sendPaymentPlanNotifications?: boolean;
  @IsOptional()
  @IsIn(['NONE', 'BASIC', 'OAUTH2'], { message: 'authType must be NONE, BASIC or OAUTH2' })
  authType?: 'NONE' | 'BASIC' | 'OAUTH2';
  @IsOptional() @IsString() @MaxLength(200) basicUsername?: string | null;
  @IsOptional() @IsString() @MaxLength(500) basicPassword?: string | null;
  @IsOptional() @IsString() @MaxLength(2048) oauthTokenUrl?: string | null;
  @IsOptional() @IsString() @MaxLength(500) oauthClientId?: string | null;
  @IsOptional() @IsString() @MaxLength(2000) oauthClientSecret?: string | null;
  @IsOptional() @IsString() @MaxLength(1000) oauthScope?: string | null;
  @IsOptional() @IsString() @MaxLength(1000) oauthAudience?: string | null;
  @IsOptional() @IsString() @MaxLength(PEM) clientCertificatePem?: string | null;
  @IsOptional() @IsString() @MaxLength(PEM) clientKeyPem?: string | null;
  @IsOptional() @IsString() @MaxLength(1000) clientKeyPassphrase?: string | null;
  @IsOptional() @IsString() @MaxLength(PEM) caBundlePem?: string | null;
  @IsOptional() @IsBoolean() enabled?: boolean;
  @IsOptional() @IsUUID() organizationId?: string;
  // react-admin sends the whole record back on edit; read-only fields are accepted and ignored.
  @IsOptional() id?: unknown;
  @IsOptional() hasBasicPassword?: unknown;
  @IsOptional() hasOauthClientSecret?: unknown;
  @IsOptional() hasClientKey?: unknown;
  @IsOptional() hasClientKeyPassphrase?: unknown;
  @IsOptional() clientCertificateExpiresAt?: unknown;
  @IsOptional() previousSecretValidUntil?: unknown;
  @IsOptional() createdAt?: unknown;
  @IsOptional() updatedAt?: unknown;
}

export class WebhookTestDto {
  @IsOptional() @IsString() @MaxLength(40) eventType?: string;
  @IsOptional() @IsIn(['JSON', 'XML', 'NVP'], { message: 'format must be JSON, XML or NVP' }) format?: string;
}

export class ResendMatchingDto {
  @IsOptional() @IsObject() filter?: Record<string, unknown>;
}
