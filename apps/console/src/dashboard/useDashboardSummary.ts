import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { ConduitDataProvider } from '../api/dataProvider';
import type { DashboardSummary } from '../api/types';

/** Today's volume, shared by the stat tiles and the chart (one request). */
export const useDashboardSummary = () => {
  const dataProvider = useDataProvider<ConduitDataProvider>();
  return useQuery({
    queryKey: ['dashboard', 'summary'],
    queryFn: () => dataProvider.getDashboardSummary(),
    retry: false,
    staleTime: 60_000,
    refetchInterval: 5 * 60_000,
  });
};

/** The day the summary covers, e.g. "Mon, Nov 23 (UTC)". */
export const summaryDay = (summary: DashboardSummary): string => {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(summary.date) ? new Date(`${summary.date}T12:00:00Z`) : null;
  const day = date
    ? date.toLocaleDateString(undefined, {
        weekday: 'short',
        month: 'short',
        day: 'numeric',
        timeZone: 'UTC',
      })
    : 'Today';
  return `${day} (${summary.timeZone})`;
};
