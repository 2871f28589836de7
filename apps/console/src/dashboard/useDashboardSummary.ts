import { useQuery } from '@tanstack/react-query';
import { type TranslateFunction, useDataProvider } from 'react-admin';
import type { ConduitDataProvider } from '../api/dataProvider';
import type { DashboardSummary } from '../api/types';
import { useHomeTimeZone } from '../common/timeZones';

/** Today's volume, shared by the stat tiles and the chart (one request), in the user's day. */
export const useDashboardSummary = () => {
  const dataProvider = useDataProvider<ConduitDataProvider>();
  const { timeZone, isPending } = useHomeTimeZone();
  return useQuery({
    queryKey: ['dashboard', 'summary', timeZone],
    queryFn: () => dataProvider.getDashboardSummary(timeZone),
    // Wait for the merchant's zone rather than ask twice (UTC first, then the right day).
    enabled: !isPending,
    retry: false,
    staleTime: 60_000,
    refetchInterval: 5 * 60_000,
  });
};

/** The day the summary covers and the zone it is the day of, e.g. "Mon, Nov 23 (America/Chicago)". */
export const summaryDay = (summary: DashboardSummary, translate: TranslateFunction): string => {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(summary.date) ? new Date(`${summary.date}T12:00:00Z`) : null;
  const day = date
    ? date.toLocaleDateString(undefined, {
        weekday: 'short',
        month: 'short',
        day: 'numeric',
        timeZone: 'UTC',
      })
    : translate('conduit.dashboard.today');
  return `${day} (${summary.timeZone})`;
};
