import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CardInput, Common, ECheckInput, OutletRef, PaymentResponse } from './schemas';

// payment-plans.md's fields, as `POST /rest/payment/paymentplan` and its siblings take and answer them.

const FREQUENCIES = ['Weekly', 'BiWeekly', 'Monthly', 'Quarterly', 'Annually'];
const STATUSES = ['Active', 'Paused', 'PastDue', 'Completed', 'Cancelled'];

export class PaymentPlanRequest extends Common {
  @ApiProperty({
    enum: ['SaveOnFile', 'Installment', 'Recurring'],
    example: 'Installment',
    description: 'SaveOnFile only stores the card ($0 verification) and answers a transaction',
  })
  PaymentPlanType!: string;
  @ApiPropertyOptional({ example: '300.00', description: 'Installment plans: the balance to collect' })
  TotalAmount?: string;
  @ApiPropertyOptional({ example: '50.00', description: 'Charged at creation, counted toward the total' })
  DownPaymentAmount?: string;
  @ApiPropertyOptional({
    example: '100.00',
    description: 'Each scheduled charge; installment plans: give it or InstallmentCount',
  })
  InstallmentAmount?: string;
  @ApiPropertyOptional({ example: 3, description: 'Installment plans: derives the amount when given' })
  InstallmentCount?: number;
  @ApiPropertyOptional({ enum: FREQUENCIES, example: 'Monthly' }) Frequency?: string;
  @ApiPropertyOptional({
    example: '2026-12-15',
    description: 'First scheduled charge; merchant-local, today or later',
  })
  StartDate?: string;
  @ApiPropertyOptional({
    example: 15,
    description: 'Monthly and longer: 1–31 (short months: their last day)',
  })
  DayOfMonth?: number;
  @ApiPropertyOptional({ example: '2027-12-15', description: 'Recurring plans: the last date' })
  EndDate?: string;
  @ApiPropertyOptional({ enum: ['Card', 'OnFile', 'ECheck'], example: 'Card' }) PaymentMethod?: string;
  @ApiPropertyOptional({ enum: ['CreditCard', 'DebitCard'], example: 'CreditCard' }) TransactionType?: string;
  @ApiPropertyOptional({
    example: '0CA7530A86084B468FFF132AB7F04491',
    description: 'With PaymentMethod OnFile',
  })
  PaymentMethodID?: string;
  @ApiPropertyOptional({ type: CardInput }) Card?: CardInput;
  @ApiPropertyOptional({ type: ECheckInput }) ECheck?: ECheckInput;
  @ApiPropertyOptional({ example: 'P-1001', description: 'Or Patient.PatientID' }) PatientID?: string;
  @ApiPropertyOptional({ example: 'Pat', description: 'Or Patient.FirstName' }) PatientFirstName?: string;
  @ApiPropertyOptional({ example: 'Doe', description: 'Or Patient.LastName' }) PatientLastName?: string;
}

export class PaymentPlanUpdateRequest {
  @ApiPropertyOptional({ example: '75.00' }) InstallmentAmount?: string;
  @ApiPropertyOptional({ enum: FREQUENCIES, example: 'BiWeekly' }) Frequency?: string;
  @ApiPropertyOptional({ example: 1 }) DayOfMonth?: number;
  @ApiPropertyOptional({ example: '2027-06-30', description: 'Recurring plans' }) EndDate?: string;
  @ApiPropertyOptional({ example: '2027-01-05', description: 'The schedule restarts from this date' })
  NextPaymentDate?: string;
  @ApiPropertyOptional({ enum: ['Card', 'OnFile', 'ECheck'] }) PaymentMethod?: string;
  @ApiPropertyOptional({ example: '0CA7530A86084B468FFF132AB7F04491' }) PaymentMethodID?: string;
  @ApiPropertyOptional({ type: CardInput }) Card?: CardInput;
  @ApiPropertyOptional({ type: ECheckInput }) ECheck?: ECheckInput;
}

export class PlanPaymentMethodOutput {
  @ApiProperty({ enum: ['Card', 'ECheck'], example: 'Card' }) Type!: string;
  @ApiPropertyOptional({ example: 'VISA' }) Brand?: string;
  @ApiPropertyOptional({ example: '411111' }) BIN?: string;
  @ApiPropertyOptional({ example: '1111' }) LastFour?: string;
  @ApiPropertyOptional({ example: 12 }) ExpirationMonth?: number;
  @ApiPropertyOptional({ example: 2029 }) ExpirationYear?: number;
  @ApiPropertyOptional({ example: '011000015' }) RoutingNumber?: string;
  @ApiPropertyOptional({ example: '6789' }) AccountLastFour?: string;
  @ApiPropertyOptional({ example: 'Checking' }) AccountType?: string;
}

export class PaymentPlanOutput {
  @ApiProperty({ example: '5F1C0B7E2D9A4C36B8E1A0F4D3C2B1A0' }) PaymentPlanID!: string;
  @ApiProperty({ enum: ['Installment', 'Recurring'] }) PaymentPlanType!: string;
  @ApiProperty({ enum: STATUSES, example: 'Active' }) Status!: string;
  @ApiProperty({ type: OutletRef }) Outlet!: OutletRef;
  @ApiProperty({ example: '0CA7530A86084B468FFF132AB7F04491' }) PaymentMethodID!: string;
  @ApiProperty({ type: PlanPaymentMethodOutput }) PaymentMethod!: PlanPaymentMethodOutput;
  @ApiPropertyOptional({ example: 'P-1001' }) PatientID?: string;
  @ApiPropertyOptional({ example: 'Pat' }) PatientFirstName?: string;
  @ApiPropertyOptional({ example: 'Doe' }) PatientLastName?: string;
  @ApiPropertyOptional({ example: 'INV-2231' }) AdditionalInfo1?: string;
  @ApiPropertyOptional({ example: '300.00' }) TotalAmount?: string;
  @ApiPropertyOptional({ example: '50.00' }) DownPaymentAmount?: string;
  @ApiProperty({ example: '100.00' }) InstallmentAmount!: string;
  @ApiPropertyOptional({ example: 3 }) InstallmentCount?: number;
  @ApiProperty({ enum: FREQUENCIES, example: 'Monthly' }) Frequency!: string;
  @ApiProperty({ example: '2026-12-15' }) StartDate!: string;
  @ApiPropertyOptional({ example: 15 }) DayOfMonth?: number;
  @ApiPropertyOptional({ example: '2027-12-15' }) EndDate?: string;
  @ApiProperty({ nullable: true, example: '2026-12-15' }) NextPaymentDate!: string | null;
  @ApiProperty({ example: 0 }) InstallmentsPaid!: number;
  @ApiProperty({ example: '50.00' }) AmountPaid!: string;
  @ApiPropertyOptional({ example: '250.00' }) RemainingBalance?: string;
  @ApiProperty({ example: 0 }) FailedAttempts!: number;
  @ApiProperty({ example: '2026-12-02T05:12:31.1020000Z' }) CreatedDate!: string;
}

export class PastChargeOutput {
  @ApiProperty({ example: 1 }) Sequence!: number;
  @ApiProperty({ example: 1 }) Attempt!: number;
  @ApiProperty({ enum: ['SCHEDULED', 'RETRY', 'CHARGE_NOW', 'DOWN_PAYMENT', 'REPRESENTMENT'] }) Kind!: string;
  @ApiProperty({ example: '2026-12-15' }) DueDate!: string;
  @ApiProperty({ example: '100.00' }) Amount!: string;
  @ApiProperty({ enum: ['PENDING', 'APPROVED', 'DECLINED', 'RETURNED'] }) Status!: string;
  @ApiPropertyOptional({ example: '000' }) ResponseCode?: string;
  @ApiPropertyOptional({ example: '0CA7530A86084B468FFF132AB7F04491' }) TransactionID?: string;
  @ApiPropertyOptional({ example: 'C' }) TransactionStatus?: string;
  @ApiPropertyOptional({ example: '2026-12-15T11:00:02.0000000Z' }) ChargedDate?: string;
}

export class UpcomingChargeOutput {
  @ApiProperty({ example: 2 }) Sequence!: number;
  @ApiProperty({ example: '2027-01-15' }) Date!: string;
  @ApiProperty({ example: '100.00' }) Amount!: string;
}

export class PlanScheduleOutput {
  @ApiProperty({ type: [PastChargeOutput] }) Past!: PastChargeOutput[];
  @ApiProperty({ type: [UpcomingChargeOutput], description: 'At most 24 dates' })
  Upcoming!: UpcomingChargeOutput[];
}

export class PaymentPlanDetailOutput extends PaymentPlanOutput {
  @ApiProperty({ type: PlanScheduleOutput }) Schedule!: PlanScheduleOutput;
}

export class PaymentPlanCreated extends PaymentPlanDetailOutput {
  @ApiProperty({
    example: '000',
    description: 'A declined down payment: its code, and no plan',
  })
  ResponseCode!: string;
  @ApiProperty({ example: 'Success' }) ResponseMessage!: string;
  @ApiProperty({ type: [PaymentResponse], description: 'The down payment, when one was taken' })
  Transactions!: PaymentResponse[];
}

export class PaymentPlanPage {
  @ApiProperty({ type: [PaymentPlanOutput] }) PaymentPlans!: PaymentPlanOutput[];
  @ApiProperty({ nullable: true, description: 'Pass as Cursor for the next page; null on the last' })
  NextCursor!: string | null;
}
