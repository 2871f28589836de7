import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OutletRef, PatientInput } from './schemas';

export class SsoTokenRequest {
  @ApiProperty({ type: OutletRef }) Outlet!: OutletRef;
  @ApiPropertyOptional({ enum: ['Sale', 'SaveOnFile', 'PaymentPlan'], example: 'Sale' })
  TransactionAction?: string;
  @ApiPropertyOptional({ example: '25.00', description: 'Absent: the payer enters the amount' })
  Amount?: string;
  @ApiPropertyOptional({ example: true, description: 'The amount cannot be changed on the page' })
  IsReadOnly?: boolean;
  @ApiPropertyOptional({ type: PatientInput }) Patient?: PatientInput;
  @ApiPropertyOptional({ example: false, description: 'Hide the eCheck form' }) PreventCheck?: boolean;
  @ApiPropertyOptional({ example: false, description: 'Hide the card form' }) PreventCard?: boolean;
  @ApiPropertyOptional({ example: false }) SuppressReceipt?: boolean;
  @ApiPropertyOptional({ example: false, description: 'No header or footer (iframes)' })
  LightWeight?: boolean;
  @ApiPropertyOptional({ example: 'https://pms.example/paid' }) ConfirmURL?: string;
  @ApiPropertyOptional({ example: 'https://pms.example/cancelled' }) CancelURL?: string;
  @ApiPropertyOptional({ description: 'Used for both when ConfirmURL/CancelURL are absent' })
  ReturnURL?: string;
  @ApiPropertyOptional({ example: 'visit-42', description: 'Echoed on the way back' }) RelayState?: string;
  @ApiPropertyOptional({ example: 'INV-2231' }) AdditionalInfo1?: string;
  @ApiPropertyOptional({
    enum: ['Installment', 'Recurring'],
    description: 'PaymentPlan tokens: the proposed plan (payment-plans.md), checked at creation',
  })
  PaymentPlanType?: string;
  @ApiPropertyOptional({ example: '600.00', description: 'Installment plans (Amount is taken if absent)' })
  TotalAmount?: string;
  @ApiPropertyOptional({ example: '100.00' }) DownPaymentAmount?: string;
  @ApiPropertyOptional({ example: '100.00' }) InstallmentAmount?: string;
  @ApiPropertyOptional({ example: 5 }) InstallmentCount?: number;
  @ApiPropertyOptional({ enum: ['Weekly', 'BiWeekly', 'Monthly', 'Quarterly', 'Annually'] })
  Frequency?: string;
  @ApiPropertyOptional({ example: '2026-12-01' }) StartDate?: string;
  @ApiPropertyOptional({ example: 1 }) DayOfMonth?: number;
  @ApiPropertyOptional({ example: '2027-12-01', description: 'Recurring plans' }) EndDate?: string;
}

export class SsoTokenResponse {
  @ApiProperty({ example: 'b3Jb0p8M4xkqS1vYwRk0mV0kV2dJk6l8cVw3t0p1cQe' }) Token!: string;
  @ApiProperty({
    example: 'https://conduit.example/providers/Form/PatientPayments/NewPaymentSimpleSSO?token=…',
  })
  PageURL!: string;
  @ApiProperty({ example: '2026-11-24T03:15:00.000Z' }) ExpiresAt!: string;
  @ApiProperty({ example: '000' }) ResponseCode!: string;
  @ApiProperty({ example: 'Success' }) ResponseMessage!: string;
}

export class SsoTokenStatusResponse {
  @ApiProperty({ enum: ['NEW', 'COMPLETE', 'EXPIRED'] }) Status!: string;
  @ApiProperty({ nullable: true, example: '0CA7530A86084B468FFF132AB7F04491' }) TransactionID!: string | null;
  @ApiProperty({ example: '2026-11-24T03:15:00.000Z' }) ExpiresAt!: string;
}
