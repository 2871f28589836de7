import type { ResponseCode } from '@conduit/domain';
import type { CardData } from './processor';
import { SandboxProcessor } from './sandbox.processor';

/** Shared by the sandbox specs: a sandbox at a fixed date and helpers to call it. */
export const now = () => new Date('2026-06-15T12:00:00Z');
export const sandbox = new SandboxProcessor({ now });
export const merchantId = '6011000551245';

export const card = (pan: string, extra: Partial<CardData> = {}): CardData => ({
  pan,
  expMonth: 12,
  expYear: 2028,
  entryMode: 'Keyed',
  ...extra,
});

export const sale = (
  pan: string,
  amountCents = 2500,
  extra: { allowPartial?: boolean; card?: Partial<CardData> } = {},
) =>
  sandbox.authorize({
    merchantId,
    card: card(pan, extra.card),
    amountCents,
    allowPartial: extra.allowPartial ?? false,
    capture: true,
  });

export const declined = (responseCode: ResponseCode) => ({
  approved: false,
  responseCode,
  approvedCents: 0,
  partial: false,
});
