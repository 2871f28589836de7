import type { WsdlService } from '@conduit/wire';
import { PLAN_OPERATIONS, PLAN_TYPES } from './plan-services';

/** soap.md: each service's own target namespace under one base URI, fixed here and in the WSDLs. */
export const SOAP_NS_BASE = 'https://schemas.conduit.health/2026';

const ADDITIONAL = [1, 2, 3, 4, 5, 6].map((i) => `additionalInfo${i}`);

/** The NVP request fields (nvp.md), as the `Request` element's children. */
export const REQUEST_FIELDS = [
  'merchantID',
  'storeID',
  'terminalID',
  'transactionType',
  'amount',
  'cardNumber',
  'cardExpiration',
  'cardExpirationMonth',
  'cardExpirationYear',
  'cardVerificationNumber',
  'cardHolderName',
  'cardPresentStatus',
  'trackData',
  'emvData',
  'fallback',
  'paymentMethodID',
  'allowPartialPayment',
  'saveOnFile',
  'routingNumber',
  'accountNumber',
  'accountType',
  'checkNumber',
  'accountHolderName',
  'checkPresentStatus',
  'checkFrontImage',
  'checkBackImage',
  'primaryTransactionID',
  'transactionID',
  'singleSignOnToken',
  'requestToken',
  'patientID',
  'patientAccountNumber',
  'patientFirstName',
  'patientLastName',
  'patientBirthDate',
  ...ADDITIONAL,
  'idempotencyKey',
];

/** The NVP response fields, in the order the NVP answer writes them. */
export const RESULT_FIELDS = [
  'responseCode',
  'responseMessage',
  'transactionStatus',
  'transactionID',
  'transactionDate',
  'transactionAction',
  'transactionType',
  'merchantID',
  'storeID',
  'terminalID',
  'authorizationNumber',
  'amount',
  'requestAmount',
  'isPartiallyApproved',
  'partialApprovalAmount',
  'primaryTransactionID',
  'primaryTransactionStatus',
  'cardBrand',
  'cardBINNumber',
  'lastFourDigits',
  'cardExpirationMonth',
  'cardExpirationYear',
  'cardHolderName',
  'paymentCardType',
  'EMVCardEntryMode',
  'isEMVTransaction',
  'IsEMVVerifiedByPIN',
  'EMVIssuerResponse',
  'EMVApplicationLabel',
  'EMVApplicationID',
  'EMVTVR',
  'EMVTSI',
  'EMVCryptogramType',
  'routingNumber',
  'accountNumberLastFourDigits',
  'accountType',
  'checkNumber',
  'paymentMethodID',
  'saveOnFileTransactionID',
  'patientID',
  'patientAccountNumber',
  'patientFirstName',
  'patientLastName',
  ...ADDITIONAL,
  'authorizationText',
];

/** Payment operations → the NVP action and tender they stand for. */
export const PAYMENT_OPERATIONS: Record<string, { action: string; tender?: string }> = {
  DoCreditCardSale: { action: 'Sale', tender: 'CreditCard' },
  DoCreditCardAuthorization: { action: 'Authorization', tender: 'CreditCard' },
  DoCreditCardCapture: { action: 'Capture', tender: 'CreditCard' },
  DoCreditCardSecondaryVoid: { action: 'Void', tender: 'CreditCard' },
  DoCreditCardSecondarySimpleRefund: { action: 'SimpleRefund', tender: 'CreditCard' },
  DoCreditCardRefund: { action: 'Refund', tender: 'CreditCard' },
  DoCreditCardSaveOnFile: { action: 'SaveOnFile', tender: 'CreditCard' },
  DoECheckSale: { action: 'Sale', tender: 'ECheck' },
  ViewReceipt: { action: 'ViewReceipt' },
};

export function paymentService(baseUrl: string): WsdlService {
  return {
    name: 'PaymentService',
    namespace: `${SOAP_NS_BASE}/payment`,
    location: `${baseUrl}/payment/service.asmx`,
    types: { PaymentRequest: REQUEST_FIELDS, PaymentResult: RESULT_FIELDS, ...PLAN_TYPES },
    operations: [
      ...Object.keys(PAYMENT_OPERATIONS).map((name) => ({
        name,
        input: { requestType: 'PaymentRequest' },
        output: { resultType: 'PaymentResult' },
      })),
      ...PLAN_OPERATIONS,
    ],
  };
}

export function ssoService(baseUrl: string): WsdlService {
  return {
    name: 'SSOService',
    namespace: `${SOAP_NS_BASE}/sso`,
    location: `${baseUrl}/SSOService.asmx`,
    types: {},
    operations: [{ name: 'GetSSOTokenStatus', input: { params: ['token'] }, output: 'string' }],
  };
}

export function healthcareService(baseUrl: string): WsdlService {
  return {
    name: 'HealthcareService',
    namespace: `${SOAP_NS_BASE}/healthcare`,
    location: `${baseUrl}/healthcare/service.asmx`,
    types: {},
    operations: [{ name: 'DoEligibilityInquiryEDI', input: { params: ['requestEDI'] }, output: 'string' }],
  };
}
