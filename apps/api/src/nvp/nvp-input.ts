import type { PaymentInput } from '@conduit/payments';
import type { NvpFields } from '@conduit/wire';

/** NVP fields (already lower-cased) as the core's input. */
export function nvpInput(f: NvpFields): PaymentInput {
  return {
    channel: 'NVP',
    transactionAction: f.transactionaction,
    transactionType: f.transactiontype,
    merchantId: f.merchantid,
    storeId: f.storeid,
    terminalId: f.terminalid,
    amount: f.amount,
    card: {
      cardNumber: f.cardnumber,
      cardExpiration: f.cardexpiration,
      cardExpirationMonth: f.cardexpirationmonth,
      cardExpirationYear: f.cardexpirationyear,
      cardVerificationNumber: f.cardverificationnumber,
      cardHolderName: f.cardholdername,
      cardPresentStatus: f.cardpresentstatus,
      trackData: f.trackdata,
      emvData: f.emvdata,
      fallback: f.fallback,
      paymentMethodId: f.paymentmethodid,
    },
    echeck: {
      routingNumber: f.routingnumber,
      accountNumber: f.accountnumber,
      accountType: f.accounttype,
      checkNumber: f.checknumber,
      accountHolderName: f.accountholdername,
      checkPresentStatus: f.checkpresentstatus,
      checkFrontImage: f.checkfrontimage,
      checkBackImage: f.checkbackimage,
    },
    allowPartialPayment: f.allowpartialpayment,
    saveOnFile: f.saveonfile,
    primaryTransactionId: f.primarytransactionid,
    transactionId: f.transactionid,
    singleSignOnToken: f.singlesignontoken,
    patient: {
      patientId: f.patientid,
      accountNumber: f.patientaccountnumber,
      firstName: f.patientfirstname,
      lastName: f.patientlastname,
      birthDate: f.patientbirthdate,
    },
    additionalInfo: [1, 2, 3, 4, 5, 6].map((i) => f[`additionalinfo${i}`]),
  };
}
