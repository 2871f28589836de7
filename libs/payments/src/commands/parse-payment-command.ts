import {
  amountMismatch,
  type CardPresentStatus,
  CHIP_CARD_SWIPED,
  formatAmount,
  isChipServiceCode,
  MERCHANT_ID,
  normalizePan,
  OUTLET_PART,
  parseAmount,
  parseBoolean,
  parseCheckImages,
  parseECheck,
  parseEmvData,
  parseExpiry,
  parseTrackData,
  resolveAction,
  resolveCardPresentStatus,
  resolveTender,
  TenderType,
  TransactionAction,
} from '@conduit/domain';
import { fromWireId } from '../ids';
import type { PaymentInput } from '../payment-input';
import { FieldErrors, type FieldNames, isAbsent, NVP_NAMES } from './field-errors';
import type {
  CardDetails,
  CardPaymentCommand,
  CardSource,
  ECheckPaymentCommand,
  OutletIds,
  PaymentCommand,
  PrimaryCardAction,
  RequestColumns,
  SecondaryCommand,
  ViewReceiptCommand,
} from './payment-command';

const SECONDARY = new Set([
  TransactionAction.Capture,
  TransactionAction.Void,
  TransactionAction.SimpleRefund,
]);
const CARD_ONLY = new Set([
  TransactionAction.Authorization,
  TransactionAction.Capture,
  TransactionAction.Refund,
  TransactionAction.SaveOnFile,
]);
const BIRTH_DATE = /^\d{4}-\d{2}-\d{2}$|^\d{2}\/\d{2}\/\d{4}$/;
const TENDERS = Object.values(TenderType).join(', ');

/** A wire ID's form (32 hex digits, dashes allowed); an unknown one is a 404 later, as always. */
const wireIdShaped = (raw: unknown) =>
  typeof raw === 'string' && /^[0-9a-f]{32}$/i.test(raw.replace(/-/g, ''));

/** The outlet fields, each checked; undefined when any is wrong (all reported). */
export function outletOf(raw: Partial<Record<keyof OutletIds, unknown>>, errors: FieldErrors) {
  const part = (field: string, value: unknown, form: RegExp, rule: string) => {
    if (isAbsent(value)) return void errors.required(field);
    const s = String(value).trim();
    if (typeof value === 'object' || !form.test(s)) return void errors.add(field, rule);
    return s;
  };
  const merchantId = part('merchantID', raw.merchantId, MERCHANT_ID, 'must be 13 digits');
  const storeId = part('storeID', raw.storeId, OUTLET_PART, 'must be 3 digits');
  const terminalId = part('terminalID', raw.terminalId, OUTLET_PART, 'must be 3 digits');
  return merchantId && storeId && terminalId ? { merchantId, storeId, terminalId } : undefined;
}

/** The outlet alone (plan and batch requests name one too), or a 400 naming each bad field. */
export function parseOutlet(
  raw: Partial<Record<keyof OutletIds, unknown>>,
  names: FieldNames = NVP_NAMES,
): OutletIds {
  const errors = new FieldErrors(names);
  const outlet = outletOf(raw, errors);
  errors.throwIfAny();
  return outlet as OutletIds;
}

function columnsOf(raw: PaymentInput, errors: FieldErrors): Omit<RequestColumns, 'outlet'> {
  const p = raw.patient ?? {};
  const birthDate = errors.text('patientBirthDate', p.birthDate, 10);
  if (birthDate && !BIRTH_DATE.test(birthDate))
    errors.add('patientBirthDate', 'must be YYYY-MM-DD or MM/DD/YYYY');
  return {
    channel: raw.channel,
    ...(raw.plan ? { plan: raw.plan } : {}),
    ...(raw.externalId === undefined ? {} : { externalId: errors.text('externalId', raw.externalId, 64) }),
    patient: {
      patientId: errors.text('patientID', p.patientId, 64),
      accountNumber: errors.text('patientAccountNumber', p.accountNumber, 64),
      firstName: errors.text('patientFirstName', p.firstName, 64),
      lastName: errors.text('patientLastName', p.lastName, 64),
      birthDate,
    },
    additionalInfo: Array.from(
      { length: 6 },
      (_, i) => errors.text(`additionalInfo${i + 1}`, raw.additionalInfo?.[i], 255) ?? '',
    ),
  };
}

/** Chip data carries the card: no other card field may name one beside it. */
function chipSourceOf(c: NonNullable<PaymentInput['card']>, errors: FieldErrors): CardSource | undefined {
  const others: [string, unknown][] = [
    ['cardNumber', c.cardNumber],
    ['trackData', c.trackData],
    ['paymentMethodID', c.paymentMethodId ?? (c.onFile ? 'OnFile' : undefined)],
  ];
  const sent = others.filter(([, v]) => !isAbsent(v)).map(([f]) => errors.names(f));
  if (sent.length) errors.add('emvData', `carries the card: send no ${sent.join(' or ')} with it`);
  const chip = errors.take(() => parseEmvData(c.emvData));
  if (!chip) return undefined;
  const { pan, expMonth, expYear, holderName } = chip;
  return { kind: 'emv', pan, expMonth, expYear, ...(holderName ? { holderName } : {}), chip };
}

/** A swiped card; a chip card's stripe only after its chip read failed (`fallback`). */
function trackSourceOf(c: NonNullable<PaymentInput['card']>, errors: FieldErrors): CardSource | undefined {
  const fallback = errors.take(() => parseBoolean(c.fallback, 'fallback'));
  const track = errors.take(() => parseTrackData(c.trackData));
  if (!track) return undefined;
  if (isChipServiceCode(track.serviceCode) && fallback === false)
    return void errors.refuse('trackData', CHIP_CARD_SWIPED);
  const { pan, expMonth, expYear, holderName } = track;
  return { kind: 'track', pan, expMonth, expYear, ...(holderName ? { holderName } : {}) };
}

function cardSourceOf(c: NonNullable<PaymentInput['card']>, errors: FieldErrors): CardSource | undefined {
  if (!isAbsent(c.emvData)) return chipSourceOf(c, errors);
  if (!isAbsent(c.paymentMethodId) || c.onFile) {
    if (isAbsent(c.paymentMethodId)) return void errors.required('paymentMethodID');
    return { kind: 'onFile', paymentMethodId: String(c.paymentMethodId).trim() };
  }
  if (!isAbsent(c.trackData)) return trackSourceOf(c, errors);
  const n = errors.names;
  if (isAbsent(c.cardNumber))
    errors.required('cardNumber', ` (or ${n('trackData')}, or ${n('paymentMethodID')})`);
  const pan = isAbsent(c.cardNumber) ? undefined : errors.take(() => normalizePan(c.cardNumber));
  const expiry = errors.take(() =>
    parseExpiry({ expiration: c.cardExpiration, month: c.cardExpirationMonth, year: c.cardExpirationYear }),
  );
  return pan && expiry ? { kind: 'keyed', pan, expMonth: expiry.month, expYear: expiry.year } : undefined;
}

/** The card of a request (payment, plan or page): every field checked, all errors collected. */
export function cardDetailsOf(c: PaymentInput['card'], errors: FieldErrors): CardDetails | undefined {
  const card = c ?? {};
  const source = cardSourceOf(card, errors);
  const cvn = errors.text('cardVerificationNumber', card.cardVerificationNumber, 8);
  if (cvn !== undefined && !/^\d{3,4}$/.test(cvn))
    errors.add('cardVerificationNumber', 'must be 3 or 4 digits');
  const holderName = errors.text('cardHolderName', card.cardHolderName, 120);
  const byDefault: CardPresentStatus =
    source?.kind === 'track'
      ? 'PresentSwipeSign'
      : source?.kind === 'emv'
        ? 'PresentEMV'
        : 'NotPresentInternet';
  const cardPresentStatus = errors.take(() => resolveCardPresentStatus(card.cardPresentStatus, byDefault));
  if (source?.kind === 'emv' && cardPresentStatus && !CHIP_STATUSES.has(cardPresentStatus))
    errors.add('cardPresentStatus', `must be PresentEMV or MSDContactless with ${errors.names('emvData')}`);
  if (!source || !cardPresentStatus) return undefined;
  const read = source.kind === 'track' || source.kind === 'emv' ? source.holderName : undefined;
  return {
    source,
    ...(cvn ? { cvn } : {}),
    ...(holderName ? { holderName } : read ? { holderName: read } : {}),
    cardPresentStatus,
  };
}

const CHIP_STATUSES = new Set<CardPresentStatus>(['PresentEMV', 'MSDContactless']);

/** The card signed 9F02: a request for another amount is refused before any processor sees it. */
function checkChipAmount(
  card: CardDetails | undefined,
  amountCents: number | undefined,
  errors: FieldErrors,
) {
  if (card?.source.kind !== 'emv' || amountCents === undefined) return;
  if (card.source.chip.amountAuthorisedCents !== amountCents)
    errors.push(amountMismatch(card.source.chip, formatAmount(amountCents)));
}

function amountOf(raw: unknown, errors: FieldErrors, required: boolean): number | undefined {
  if (isAbsent(raw)) return required ? void errors.required('amount') : undefined;
  return errors.take(() => parseAmount(raw));
}

function tenderOf(raw: unknown, errors: FieldErrors): TenderType | undefined {
  if (isAbsent(raw)) return void errors.required('transactionType', ` (one of ${TENDERS})`);
  return errors.take(() => resolveTender(raw));
}

function viewReceiptOf(raw: PaymentInput, errors: FieldErrors): ViewReceiptCommand {
  const id = raw.transactionId ?? raw.primaryTransactionId;
  const token = errors.text('singleSignOnToken', raw.singleSignOnToken, 200);
  if (isAbsent(id) && !token) errors.required('transactionID', ` (or ${errors.names('singleSignOnToken')})`);
  errors.throwIfAny();
  if (token && isAbsent(id)) return { kind: 'viewReceipt', channel: raw.channel, by: { ssoToken: token } };
  return { kind: 'viewReceipt', channel: raw.channel, by: { transactionId: fromWireId(id, 'Transaction') } };
}

/** A secondary's primary: `primaryTransactionID`, or `transactionID` as the same field. */
function primaryIdOf(raw: PaymentInput, errors: FieldErrors): string | undefined {
  const primary = isAbsent(raw.primaryTransactionId) ? undefined : String(raw.primaryTransactionId).trim();
  const alias = isAbsent(raw.transactionId) ? undefined : String(raw.transactionId).trim();
  if (primary && alias && primary.toLowerCase() !== alias.toLowerCase()) {
    const n = errors.names;
    errors.add('primaryTransactionID', `and ${n('transactionID')} name different transactions: send one`);
    return undefined;
  }
  const id = primary ?? alias;
  if (!id) return void errors.required('primaryTransactionID');
  return id;
}

/**
 * Parses a payment request from any interface into the typed command the core accepts. Every
 * invalid field is reported in one error, in the caller's spelling (`names`). IDs of the right
 * form that name nothing are the core's 404s, as before.
 */
export function parsePaymentCommand(raw: PaymentInput, names: FieldNames = NVP_NAMES): PaymentCommand {
  const errors = new FieldErrors(names);
  const action = isAbsent(raw.transactionAction)
    ? void errors.required('transactionAction')
    : errors.take(() => resolveAction(raw.transactionAction));
  if (action === TransactionAction.ViewReceipt) return viewReceiptOf(raw, errors);
  const outlet = outletOf(raw, errors);
  const columns = columnsOf(raw, errors);
  if (action && SECONDARY.has(action)) {
    const primaryId = primaryIdOf(raw, errors);
    const amountCents = amountOf(raw.amount, errors, false);
    errors.throwIfAny();
    const command: SecondaryCommand = {
      kind: 'secondary',
      action: action as SecondaryCommand['action'],
      ...columns,
      outlet: outlet as OutletIds,
      primaryId: fromWireId(primaryId, 'Primary transaction'),
    };
    if (amountCents !== undefined) command.amountCents = amountCents;
    return command;
  }
  const tender = tenderOf(raw.transactionType, errors);
  if (tender === TenderType.ECheck) {
    if (action && CARD_ONLY.has(action))
      errors.add('transactionAction', `${action} is not available for eCheck`);
    const amountCents = amountOf(raw.amount, errors, true);
    const check = errors.take(() => parseECheck(raw.echeck ?? {}));
    const images = errors.take(() => parseCheckImages(raw.echeck ?? {}));
    errors.throwIfAny();
    const command: ECheckPaymentCommand = {
      kind: 'echeck',
      action: TransactionAction.Sale,
      ...columns,
      outlet: outlet as OutletIds,
      amountCents: amountCents as number,
      check: check!,
    };
    if (images) command.images = images;
    return command;
  }
  const saving = action === TransactionAction.SaveOnFile;
  const amountCents = saving ? 0 : amountOf(raw.amount, errors, true);
  const allowPartial = errors.take(() => parseBoolean(raw.allowPartialPayment, 'allowPartialPayment'));
  const saveOnFile = errors.take(() => parseBoolean(raw.saveOnFile, 'saveOnFile'));
  const card = cardDetailsOf(raw.card, errors);
  checkChipAmount(card, amountCents, errors);
  errors.throwIfAny();
  if (card?.source.kind === 'onFile' && !wireIdShaped(card.source.paymentMethodId))
    fromWireId(card.source.paymentMethodId, 'Payment method'); // the 404 of an unknown card
  const command: CardPaymentCommand = {
    kind: 'card',
    action: action as PrimaryCardAction,
    tender: tender as CardPaymentCommand['tender'],
    ...columns,
    outlet: outlet as OutletIds,
    amountCents: amountCents as number,
    allowPartial: allowPartial ?? false,
    saveOnFile: saving || (saveOnFile ?? false),
    card: card!,
  };
  return command;
}

/** A request the caller knows is a card payment (a plan's charge, a page's card). */
export function parseCardCommand(raw: PaymentInput, names: FieldNames = NVP_NAMES): CardPaymentCommand {
  const command = parsePaymentCommand(raw, names);
  if (command.kind !== 'card') throw new Error(`Expected a card payment, got ${command.kind}`);
  return command;
}

/** A request the caller knows is an eCheck debit. */
export function parseECheckCommand(raw: PaymentInput, names: FieldNames = NVP_NAMES): ECheckPaymentCommand {
  const command = parsePaymentCommand(raw, names);
  if (command.kind !== 'echeck') throw new Error(`Expected an eCheck payment, got ${command.kind}`);
  return command;
}
