import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

// Documentation-only classes: the OpenAPI document at /rest/openapi.json is generated from them
// and from the decorators on RestPaymentsController. Field names match case-insensitively on input.

export class OutletRef {
  @ApiProperty({ example: '6011000551245', pattern: '^\\d{13}$' }) MerchantID!: string;
  @ApiProperty({ example: '001', pattern: '^\\d{3}$' }) StoreID!: string;
  @ApiProperty({ example: '002', pattern: '^\\d{3}$' }) TerminalID!: string;
}

export class CardInput {
  @ApiPropertyOptional({ enum: ['key', 'swipe', 'emv', 'nfc', 'token'], example: 'key' }) EntryMode?: string;
  @ApiPropertyOptional({ example: '4111111111111111', description: '13–19 digits; never stored or returned' })
  CardNumber?: string;
  @ApiPropertyOptional({ example: '06/28', description: 'MM/YY, MM-YY, MMYY or MM/YYYY' })
  Expiration?: string;
  @ApiPropertyOptional({ example: '6' }) ExpirationMonth?: string;
  @ApiPropertyOptional({ example: '2028' }) ExpirationYear?: string;
  @ApiPropertyOptional({ example: '123', description: 'Passed to the processor, never stored' }) CVN?: string;
  @ApiPropertyOptional({ example: 'Pat Doe' }) CardHolderName?: string;
  @ApiPropertyOptional({
    description: 'ISO/IEC 7813 track 1 and/or 2 as a keyboard-emulation reader types it (EntryMode swipe)',
  })
  TrackData?: string;
  @ApiPropertyOptional({
    example: 'NotPresentInternet',
    description: 'payments.md entry modes; derived from EntryMode when absent',
  })
  CardPresentStatus?: string;
}

export class ECheckInput {
  @ApiProperty({ example: '011000015', description: '9 digits with a valid ABA check digit' })
  RoutingNumber!: string;
  @ApiProperty({ example: '123456789', description: '4–17 digits; only the last four are kept' })
  AccountNumber!: string;
  @ApiPropertyOptional({ enum: ['Checking', 'Savings'], example: 'Checking' }) AccountType?: string;
  @ApiPropertyOptional({ example: '1042' }) CheckNumber?: string;
  @ApiPropertyOptional({ example: 'Pat Doe' }) AccountHolderName?: string;
  @ApiPropertyOptional({ enum: ['Present', 'NotPresent'], example: 'NotPresent' })
  CheckPresentStatus?: string;
}

export class PatientInput {
  @ApiPropertyOptional({ example: 'P-1001' }) PatientID?: string;
  @ApiPropertyOptional({ example: 'MRN-1001' }) AccountNumber?: string;
  @ApiPropertyOptional({ example: 'Pat' }) FirstName?: string;
  @ApiPropertyOptional({ example: 'Doe' }) LastName?: string;
  @ApiPropertyOptional({ example: '1980-04-02' }) BirthDate?: string;
}

export class Common {
  @ApiProperty({ type: OutletRef }) Outlet!: OutletRef;
  @ApiPropertyOptional({ type: PatientInput }) Patient?: PatientInput;
  @ApiPropertyOptional({ example: 'INV-2231' }) AdditionalInfo1?: string;
  @ApiPropertyOptional() AdditionalInfo2?: string;
  @ApiPropertyOptional() AdditionalInfo3?: string;
  @ApiPropertyOptional() AdditionalInfo4?: string;
  @ApiPropertyOptional() AdditionalInfo5?: string;
  @ApiPropertyOptional() AdditionalInfo6?: string;
}

export class PaymentRequest extends Common {
  @ApiProperty({ example: '25.00', description: 'Decimal string, at most 2 places' }) Amount!: string;
  @ApiPropertyOptional({ enum: ['Card', 'OnFile', 'ECheck'], example: 'Card' }) PaymentMethod?: string;
  @ApiPropertyOptional({ enum: ['CreditCard', 'DebitCard'], example: 'CreditCard' }) TransactionType?: string;
  @ApiPropertyOptional({
    example: '0CA7530A86084B468FFF132AB7F04491',
    description: 'With PaymentMethod OnFile',
  })
  PaymentMethodID?: string;
  @ApiPropertyOptional({ type: CardInput }) Card?: CardInput;
  @ApiPropertyOptional({ type: ECheckInput }) ECheck?: ECheckInput;
  @ApiPropertyOptional({ example: false, description: 'Accept an approval for less than requested (010)' })
  AllowPartialPayment?: boolean;
  @ApiPropertyOptional({ example: false, description: 'Also store the card; answers PaymentMethodID' })
  SaveOnFile?: boolean;
}

export class SecondaryRequest extends Common {
  @ApiProperty({ example: '0CA7530A86084B468FFF132AB7F04491', description: 'The primary transaction' })
  TransactionID!: string;
  @ApiPropertyOptional({ example: '10.00', description: 'Defaults to the whole (remaining) amount' })
  Amount?: string;
}

export class CardOutput {
  @ApiProperty({ enum: ['VISA', 'MASTERCARD', 'AMEX', 'DISCOVER', 'OTHER'] }) Brand!: string;
  @ApiProperty({ example: '411111' }) BIN!: string;
  @ApiProperty({ example: '1111' }) LastFour!: string;
  @ApiProperty({ example: 6 }) ExpirationMonth!: number;
  @ApiProperty({ example: 2028 }) ExpirationYear!: number;
  @ApiPropertyOptional() CardHolderName?: string;
  @ApiProperty({ enum: ['CREDIT', 'DEBIT'] }) PaymentCardType!: string;
  @ApiProperty({ enum: ['Keyed', 'Swiped', 'Chip', 'Contactless', 'OnFile'] }) EntryMode!: string;
  @ApiProperty() IsEMVTransaction!: boolean;
  @ApiProperty() IsEMVVerifiedByPIN!: boolean;
}

export class ECheckOutput {
  @ApiProperty({ example: '011000015' }) RoutingNumber!: string;
  @ApiProperty({ example: '6789' }) AccountLastFour!: string;
  @ApiPropertyOptional() AccountType?: string;
  @ApiPropertyOptional() CheckNumber?: string;
}

export class PaymentResponse {
  @ApiProperty({ example: '0CA7530A86084B468FFF132AB7F04491' }) TransactionID!: string;
  @ApiProperty({ enum: ['A', 'C', 'O', 'D', 'V', 'X', 'S', 'SE', 'RI', 'CB'], example: 'C' })
  TransactionStatus!: string;
  @ApiProperty({
    example: '000',
    description: 'payments.md response codes; a decline is a 200 with a non-approval code',
  })
  ResponseCode!: string;
  @ApiProperty({ example: 'APPROVED' }) ResponseMessage!: string;
  @ApiProperty({ example: 'Sale' }) TransactionAction!: string;
  @ApiProperty({ example: 'CreditCard' }) TransactionType!: string;
  @ApiPropertyOptional({ example: 'A3807B' }) AuthorizationNumber?: string;
  @ApiPropertyOptional({ example: 'I AGREE TO PAY THE ABOVE AMOUNT ACCORDING TO MY CARD HOLDER AGREEMENT.' })
  AuthorizationText?: string;
  @ApiProperty({ example: '25.00' }) Amount!: string;
  @ApiProperty({ example: '25.00' }) RequestAmount!: string;
  @ApiProperty({ example: false }) IsPartiallyApproved!: boolean;
  @ApiPropertyOptional({ example: '12.55' }) PartialApprovalAmount?: string;
  @ApiProperty({ example: '2026-11-23T18:12:31.1020000Z' }) TransactionDate!: string;
  @ApiProperty({ type: OutletRef }) Outlet!: OutletRef;
  @ApiPropertyOptional({ type: CardOutput }) Card?: CardOutput;
  @ApiPropertyOptional({ type: ECheckOutput }) ECheck?: ECheckOutput;
  @ApiPropertyOptional() PaymentMethodID?: string;
  @ApiPropertyOptional() SaveOnFileTransactionID?: string;
  @ApiPropertyOptional() PrimaryTransactionID?: string;
  @ApiPropertyOptional({ example: 'C' }) PrimaryTransactionStatus?: string;
  @ApiPropertyOptional({ example: '0.00' }) RefundedAmount?: string;
  @ApiPropertyOptional({ type: PatientInput }) Patient?: PatientInput;
}

export class TransactionDetail extends PaymentResponse {
  @ApiProperty({ type: [PaymentResponse] }) SecondaryTransactions!: PaymentResponse[];
  @ApiProperty({ nullable: true, enum: ['PENDING', 'COMPLETE', 'PENDING_POSTING_RETRY', 'POSTING_ERROR'] })
  WorkflowStatus!: string | null;
}

export class TransactionPage {
  @ApiProperty({ type: [PaymentResponse] }) Transactions!: PaymentResponse[];
  @ApiProperty({ nullable: true, description: 'Pass as Cursor for the next page; null on the last' })
  NextCursor!: string | null;
}

export class FieldErrorOutput {
  @ApiProperty({ example: 'Amount' }) Field!: string;
  @ApiProperty({ example: 'amount must be a positive decimal with at most 2 places' }) Message!: string;
}

export class ErrorResponse {
  @ApiProperty({ example: 400 }) ErrorCode!: number;
  @ApiProperty({ example: 'amount must be a positive decimal with at most 2 places' }) ErrorMessage!: string;
  @ApiProperty({ example: 'K7Q2M9XW4P', description: '10 characters; logged with the cause for support' })
  ReferenceNumber!: string;
  @ApiProperty({ type: [FieldErrorOutput] }) Errors!: FieldErrorOutput[];
}
