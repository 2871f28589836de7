/**
 * The core names fields as NVP spells them; REST errors name them as REST does. One table, used
 * by the REST error renderer.
 */
const REST_NAMES: Record<string, string> = {
  amount: 'Amount',
  merchantID: 'Outlet.MerchantID',
  storeID: 'Outlet.StoreID',
  terminalID: 'Outlet.TerminalID',
  transactionAction: 'TransactionAction',
  transactionType: 'TransactionType',
  cardNumber: 'Card.CardNumber',
  cardExpiration: 'Card.Expiration',
  cardExpirationMonth: 'Card.ExpirationMonth',
  cardExpirationYear: 'Card.ExpirationYear',
  cardVerificationNumber: 'Card.CVN',
  cardHolderName: 'Card.CardHolderName',
  cardPresentStatus: 'Card.CardPresentStatus',
  trackData: 'Card.TrackData',
  paymentMethodID: 'PaymentMethodID',
  routingNumber: 'ECheck.RoutingNumber',
  accountNumber: 'ECheck.AccountNumber',
  accountType: 'ECheck.AccountType',
  checkNumber: 'ECheck.CheckNumber',
  checkPresentStatus: 'ECheck.CheckPresentStatus',
  allowPartialPayment: 'AllowPartialPayment',
  saveOnFile: 'SaveOnFile',
  primaryTransactionID: 'TransactionID',
  transactionID: 'TransactionID',
  patientBirthDate: 'Patient.BirthDate',
  paymentPlanID: 'PaymentPlanID',
  paymentPlanType: 'PaymentPlanType',
  totalAmount: 'TotalAmount',
  downPaymentAmount: 'DownPaymentAmount',
  installmentAmount: 'InstallmentAmount',
  installmentCount: 'InstallmentCount',
  frequency: 'Frequency',
  startDate: 'StartDate',
  dayOfMonth: 'DayOfMonth',
  endDate: 'EndDate',
  nextPaymentDate: 'NextPaymentDate',
  accountHolderName: 'ECheck.AccountHolderName',
  patientID: 'Patient.PatientID',
  patientFirstName: 'Patient.FirstName',
  patientLastName: 'Patient.LastName',
  status: 'Status',
  limit: 'Limit',
  cursor: 'Cursor',
};

export function restFieldName(field: string): string {
  return REST_NAMES[field] ?? field;
}
