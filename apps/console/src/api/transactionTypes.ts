export type TransactionStatus = 'A' | 'C' | 'O' | 'D' | 'V' | 'X' | 'S' | 'SE' | 'RI' | 'CB';

/** A delivery as the transaction record lists it (docs/webhooks.md). */
export interface WebhookDelivery {
  id: string;
  webhookId: string;
  endpointUrl: string;
  eventType: string;
  workflowStatus: string | null;
  attemptCount: number;
  postingMessage: string | null;
  createdAt: string;
}

/** A console transaction record: flat and display-only. Any field may be null. */
export interface Transaction {
  /** The 32-hex transactionId. */
  id: string;
  transactionId: string;
  organizationId: string | null;
  merchantId: string | null;
  storeId: string | null;
  terminalId: string | null;
  action: string | null;
  tender: string | null;
  status: TransactionStatus | null;
  statusDescription: string | null;
  responseCode: string | null;
  responseMessage: string | null;
  /** Decimal dollars, "25.00". */
  amount: string | null;
  requestAmount: string | null;
  amountCents: number | null;
  isPartiallyApproved: boolean | null;
  authorizationNumber: string | null;
  cardBrand: string | null;
  cardBin: string | null;
  cardLast4: string | null;
  cardExpMonth: number | null;
  cardExpYear: number | null;
  cardHolderName: string | null;
  paymentCardType: string | null;
  entryMode: string | null;
  cardPresentStatus: string | null;
  routingNumber: string | null;
  accountLast4: string | null;
  accountType: string | null;
  checkNumber: string | null;
  patientId: string | null;
  patientAccountNumber: string | null;
  patientFirstName: string | null;
  patientLastName: string | null;
  patientBirthDate: string | null;
  additionalInfo1?: string | null;
  additionalInfo2?: string | null;
  additionalInfo3?: string | null;
  additionalInfo4?: string | null;
  additionalInfo5?: string | null;
  additionalInfo6?: string | null;
  primaryTransactionId: string | null;
  paymentMethodId: string | null;
  refundedAmount: string | null;
  interface: 'NVP' | 'REST' | null;
  workflowStatus: string | null;
  createdAt: string | null;
  /** Show only. */
  secondaryTransactions?: Transaction[];
  /** Show only. */
  deliveries?: WebhookDelivery[];
}
