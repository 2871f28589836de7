import { type FieldTable, type ScalarField, text } from './field-table';

// The nested request objects every REST request shares. Parsers take their accepted names from
// these tables (shapeOf) and the document takes its schemas from them (schemaOf).

export const OUTLET_FIELDS: FieldTable = {
  MerchantID: { type: 'string', pattern: '^\\d{13}$', example: '6011000551245', required: true },
  StoreID: { type: 'string', pattern: '^\\d{3}$', example: '001', required: true },
  TerminalID: { type: 'string', pattern: '^\\d{3}$', example: '002', required: true },
};

export const CARD_FIELDS: FieldTable = {
  EntryMode: {
    type: 'string',
    enum: ['key', 'swipe', 'emv', 'nfc', 'token'],
    example: 'key',
    description:
      'How the card was read; `swipe` with TrackData; `emv` (chip) and `nfc` (contactless) with EMVData; `token` charges PaymentMethodID',
  },
  CardNumber: text('4111111111111111', '13–19 digits; never stored or returned'),
  Expiration: text('06/28', 'MM/YY, MM-YY, MMYY or MM/YYYY'),
  ExpirationMonth: text('6', 'Instead of Expiration: 1–12'),
  ExpirationYear: text('2028', 'Instead of Expiration: YY or YYYY'),
  CVN: text('123', 'Card verification number; passed to the processor, never stored'),
  CardHolderName: text('Pat Doe'),
  TrackData: text(
    undefined,
    'ISO/IEC 7813 track 1 and/or 2 exactly as a keyboard-emulation reader types it (EntryMode swipe)',
  ),
  EMVData: {
    type: 'string',
    pattern: '^([0-9A-Fa-f]{2}){1,2048}$',
    example: '9F02060000000025005F2A020840',
    description:
      'EntryMode emv or nfc: hex BER-TLV of the chip read (tags and sandbox cryptogram: see the devices guide); carries the card, 9F02 must equal Amount; never stored or returned',
  },
  Fallback: {
    type: 'boolean',
    example: false,
    description:
      'A chip card swiped (TrackData) after its chip read failed; a chip card swiped without it is refused',
  },
  CardPresentStatus: {
    type: 'string',
    enum: [
      'PresentManualKey',
      'PresentSwipeSign',
      'PresentSwipeNoSign',
      'PresentEMV',
      'MSDContactless',
      'NotPresentInternet',
      'NotPresentPhone',
      'NotPresentMailOrFax',
      'NotPresentRecurring',
      'NotPresentInstallment',
    ],
    example: 'NotPresentInternet',
    description: 'Derived from EntryMode when absent',
  },
};

export const ECHECK_FIELDS: FieldTable = {
  RoutingNumber: { ...text('011000015', '9 digits with a valid ABA check digit'), required: true },
  AccountNumber: { ...text('123456789', '4–17 digits; only the last four are kept'), required: true },
  AccountType: { type: 'string', enum: ['Checking', 'Savings'], example: 'Checking' },
  CheckNumber: text('1042'),
  AccountHolderName: text('Pat Doe'),
  CheckPresentStatus: {
    type: 'string',
    enum: ['Present', 'NotPresent'],
    example: 'NotPresent',
    description: 'Present: remote deposit capture with the patient present',
  },
};

export const PATIENT_FIELDS: FieldTable = {
  PatientID: text('P-1001'),
  AccountNumber: text('MRN-1001', 'The practice’s account or medical record number'),
  FirstName: text('Pat'),
  LastName: text('Doe'),
  BirthDate: { type: 'string', format: 'date', example: '1980-04-02' },
};

/** Payment plans and single sign-on take only the patient's ID and name. */
export const PATIENT_NAME_FIELDS: FieldTable = {
  PatientID: PATIENT_FIELDS.PatientID,
  FirstName: PATIENT_FIELDS.FirstName,
  LastName: PATIENT_FIELDS.LastName,
};

export const OUTLET = {
  ref: 'OutletRef',
  fields: OUTLET_FIELDS,
  description: 'The merchant, store and terminal the request is for',
};
export const CARD = { ref: 'CardInput', fields: CARD_FIELDS };
/** Base64 of a PNG or JPEG scan (decision 0034); a message about one names it, never its data. */
const checkImage = (side: string, rule: string): ScalarField => ({
  type: 'string',
  format: 'byte',
  description: `${side} of the paper check: standard base64 of a PNG or JPEG (by its magic bytes), at most 1 MiB decoded; only with CheckPresentStatus Present. ${rule}`,
});

/** A payment's eCheck: a paper check scanned at the desk may bring its images. */
export const ECHECK_PAYMENT_FIELDS: FieldTable = {
  ...ECHECK_FIELDS,
  FrontImage: checkImage('The front', 'Stored encrypted with the transaction; staff see it in the console.'),
  BackImage: checkImage('The back', 'Only with FrontImage.'),
};

export const ECHECK = { ref: 'ECheckInput', fields: ECHECK_PAYMENT_FIELDS };
/** A payment plan's bank account: no paper check, so no images. */
export const PLAN_ECHECK = { ref: 'PlanECheckInput', fields: ECHECK_FIELDS };
