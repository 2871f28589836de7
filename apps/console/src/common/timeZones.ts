import { useGetList, useGetManyAggregate } from 'react-admin';
import type { Merchant } from '../api/types';
import { knownTimeZone } from './dates';

/** The browser's own zone, e.g. "America/Chicago" (what the user's clock says). */
export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/**
 * The zone the user's "today" is in: the merchant's when the user sees exactly one merchant
 * (a practice with one location thinks in its own day), else the browser's.
 */
export const useHomeTimeZone = (): { timeZone: string; isPending: boolean } => {
  const { data, total, isPending } = useGetList<Merchant>('merchants', {
    pagination: { page: 1, perPage: 2 },
    sort: { field: 'name', order: 'ASC' },
  });
  const only = total === 1 ? knownTimeZone(data?.[0]?.timeZone) : undefined;
  return { timeZone: only ?? browserTimeZone(), isPending };
};

/**
 * A merchant's time zone, read through react-admin's batched getMany (the list's merchant
 * column asks for the same records, so a page costs one request); the browser's until known.
 */
export const useMerchantTimeZone = (merchantId: string | null | undefined): string => {
  const { data } = useGetManyAggregate<Merchant>(
    'merchants',
    { ids: merchantId ? [merchantId] : [] },
    { enabled: Boolean(merchantId) },
  );
  return knownTimeZone(data?.[0]?.timeZone) ?? browserTimeZone();
};

/** "CST", "GMT+1": the short name of `timeZone` at `date`, as the user's locale writes it. */
export const zoneAbbreviation = (date: Date, timeZone: string): string =>
  new Intl.DateTimeFormat(undefined, { timeZone, timeZoneName: 'short' })
    .formatToParts(date)
    .find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
