import { AUTHORIZATION_TEXT, type PaymentResult } from '@conduit/payments';
import { encodeNvp } from '@conduit/wire';

export type ResultFields = [string, string | number | boolean | null | undefined][];

/** The NVP answer (nvp.md), field names spelled as payments.md gives them, in a stable order. */
export function nvpResponse(result: PaymentResult): string {
  return encodeNvp(resultFields(result));
}

/** The answer's fields in order: NVP encodes them, SOAP wraps each in an element. */
export function resultFields(result: PaymentResult): ResultFields {
  const t = result.transaction;
  const c = t.card;
  const fields: ResultFields = [
    ['responseCode', t.responseCode],
    ['responseMessage', t.responseMessage],
    ['transactionStatus', t.status],
    ['transactionID', t.transactionId],
    ['transactionDate', t.transactionDate],
    ['transactionAction', t.action],
    ['transactionType', t.tender],
    ['merchantID', t.merchantId],
    ['storeID', t.storeId],
    ['terminalID', t.terminalId],
    ['authorizationNumber', t.authorizationNumber],
    ['amount', t.amount],
    ['requestAmount', t.requestAmount],
  ];
  if (t.isPartiallyApproved) fields.push(['isPartiallyApproved', true], ['partialApprovalAmount', t.amount]);
  if (result.primaryTransactionStatus)
    fields.push(
      ['primaryTransactionID', t.primaryTransactionId],
      ['primaryTransactionStatus', result.primaryTransactionStatus],
    );
  if (c) {
    fields.push(
      ['cardBrand', c.brand],
      ['cardBINNumber', c.bin],
      ['lastFourDigits', c.last4],
      ['cardExpirationMonth', c.expMonth],
      ['cardExpirationYear', c.expYear],
      ['cardHolderName', c.holderName],
      ['paymentCardType', c.paymentCardType],
      ['EMVCardEntryMode', c.entryMode],
      ['isEMVTransaction', c.isEmv],
      ['IsEMVVerifiedByPIN', c.pinVerified],
    );
    if (c.emv)
      fields.push(
        ['EMVIssuerResponse', c.emv.issuerResponse],
        ['EMVApplicationLabel', c.emv.applicationLabel],
        ['EMVApplicationID', c.emv.applicationId],
        ['EMVTVR', c.emv.tvr],
        ['EMVTSI', c.emv.tsi],
        ['EMVCryptogramType', c.emv.cryptogramType],
      );
  }
  if (t.echeck) {
    fields.push(
      ['routingNumber', t.echeck.routingNumber],
      ['accountNumberLastFourDigits', t.echeck.accountLast4],
      ['accountType', t.echeck.accountType],
      ['checkNumber', t.echeck.checkNumber],
    );
  }
  if (t.paymentMethodId) fields.push(['paymentMethodID', t.paymentMethodId]);
  if (t.plan)
    fields.push(
      ['paymentPlanID', t.plan.paymentPlanId],
      ['paymentPlanType', t.plan.type],
      ['installmentSequenceNumber', t.plan.sequence],
      ['installmentCount', t.plan.installmentCount],
    );
  if (result.saveOnFileTransactionId)
    fields.push(['saveOnFileTransactionID', result.saveOnFileTransactionId]);
  fields.push(
    ['patientID', t.patient.patientId],
    ['patientAccountNumber', t.patient.accountNumber],
    ['patientFirstName', t.patient.firstName],
    ['patientLastName', t.patient.lastName],
    ...t.additionalInfo.map((v, i): [string, string] => [`additionalInfo${i + 1}`, v]),
  );
  if (c && (t.status === 'C' || t.status === 'A')) fields.push(['authorizationText', AUTHORIZATION_TEXT]);
  return fields;
}
