/**
 * The EMV data objects the platform reads (EMV Book 3 annex A), with the names its messages use.
 * `cardData` marks the ones that identify the card or cardholder: their values are never put in
 * a message, a log or a column (the PAN, track 2 equivalent, name, expiry, track discretionary
 * data). The rest are terminal or transaction data a receipt may print.
 */
export interface EmvTag {
  name: string;
  cardData: boolean;
}

export const EMV_TAGS: Readonly<Record<string, EmvTag>> = {
  '4F': { name: 'application identifier (AID, card)', cardData: false },
  '50': { name: 'application label', cardData: false },
  '56': { name: 'track 1 equivalent data', cardData: true },
  '57': { name: 'track 2 equivalent data', cardData: true },
  '5A': { name: 'application PAN', cardData: true },
  '5F20': { name: 'cardholder name', cardData: true },
  '5F24': { name: 'application expiration date', cardData: true },
  '5F25': { name: 'application effective date', cardData: true },
  '5F28': { name: 'issuer country code', cardData: false },
  '5F2A': { name: 'transaction currency code', cardData: false },
  '5F30': { name: 'service code', cardData: true },
  '5F34': { name: 'PAN sequence number', cardData: true },
  '82': { name: 'application interchange profile', cardData: false },
  '84': { name: 'dedicated file name (AID)', cardData: false },
  '8A': { name: 'authorisation response code', cardData: false },
  '91': { name: 'issuer authentication data', cardData: false },
  '95': { name: 'terminal verification results', cardData: false },
  '9A': { name: 'transaction date', cardData: false },
  '9B': { name: 'transaction status information', cardData: false },
  '9C': { name: 'transaction type', cardData: false },
  '9F02': { name: 'amount authorised', cardData: false },
  '9F03': { name: 'amount other', cardData: false },
  '9F06': { name: 'application identifier (AID, terminal)', cardData: false },
  '9F07': { name: 'application usage control', cardData: false },
  '9F09': { name: 'application version number', cardData: false },
  '9F0D': { name: 'issuer action code default', cardData: false },
  '9F0E': { name: 'issuer action code denial', cardData: false },
  '9F0F': { name: 'issuer action code online', cardData: false },
  '9F10': { name: 'issuer application data', cardData: false },
  '9F12': { name: 'application preferred name', cardData: false },
  '9F1A': { name: 'terminal country code', cardData: false },
  '9F1E': { name: 'interface device serial number', cardData: false },
  '9F1F': { name: 'track 1 discretionary data', cardData: true },
  '9F20': { name: 'track 2 discretionary data', cardData: true },
  '9F21': { name: 'transaction time', cardData: false },
  '9F26': { name: 'application cryptogram', cardData: false },
  '9F27': { name: 'cryptogram information data', cardData: false },
  '9F33': { name: 'terminal capabilities', cardData: false },
  '9F34': { name: 'cardholder verification method results', cardData: false },
  '9F35': { name: 'terminal type', cardData: false },
  '9F36': { name: 'application transaction counter', cardData: false },
  '9F37': { name: 'unpredictable number', cardData: false },
  '9F41': { name: 'transaction sequence counter', cardData: false },
  '9F53': { name: 'transaction category code', cardData: false },
  '9F6B': { name: 'track 2 data (contactless)', cardData: true },
  '9F6E': { name: 'form factor indicator', cardData: false },
};

/** "9F02 (amount authorised)"; an unknown tag is named by its hex alone. */
export function tagLabel(tag: string): string {
  const known = EMV_TAGS[tag];
  return known ? `${tag} (${known.name})` : tag;
}

/** The tags a chip or contactless payment must carry (devices.md); 84 or 4F names the AID. */
export const REQUIRED_EMV_TAGS = [
  '9F26',
  '9F27',
  '9F10',
  '9F36',
  '9F37',
  '95',
  '9A',
  '9C',
  '9F02',
  '5F2A',
  '82',
] as const;
