/** NACHA return reason codes that settlement.md names, with what they mean to a person. */
export const ACH_RETURN_REASONS: Readonly<Record<string, string>> = {
  R01: 'Insufficient funds',
  R02: 'Account closed',
  R03: 'No account / unable to locate account',
  R04: 'Invalid account number',
  R08: 'Payment stopped',
  R10: 'Customer advises not authorized',
  R16: 'Account frozen',
  R29: 'Corporate customer advises not authorized',
};

export function achReturnDescription(code: string): string {
  return ACH_RETURN_REASONS[code] ?? 'Returned by the receiving bank';
}

/** Days a merchant has to answer a chargeback (settlement.md). */
export const DISPUTE_RESPONSE_DAYS = 20;
