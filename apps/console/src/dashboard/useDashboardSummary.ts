import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { ConduitDataProvider } from '../api/dataProvider';
import type { DashboardSummary, VolumePoint } from '../api/types';

const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/** Tolerates missing fields: an empty day may come back without hours or totals. */
const normalize = (raw: Partial<DashboardSummary>): DashboardSummary => {
  const volumeByHour: VolumePoint[] = (Array.isArray(raw.volumeByHour) ? raw.volumeByHour : []).map((h) => ({
    hour: num(h.hour),
    amountCents: num(h.amountCents),
    count: num(h.count),
    approvedCount: num(h.approvedCount),
  }));
  const totals = raw.totals
    ? {
        count: num(raw.totals.count),
        approvedCount: num(raw.totals.approvedCount),
        amountCents: num(raw.totals.amountCents),
      }
    : volumeByHour.reduce(
        (t, h) => ({
          count: t.count + h.count,
          approvedCount: t.approvedCount + h.approvedCount,
          amountCents: t.amountCents + h.amountCents,
        }),
        { count: 0, approvedCount: 0, amountCents: 0 },
      );
  const approvalRate =
    typeof raw.approvalRate === 'number'
      ? raw.approvalRate
      : totals.count
        ? totals.approvedCount / totals.count
        : 0;
  return { date: raw.date ?? '', timeZone: raw.timeZone || 'UTC', volumeByHour, totals, approvalRate };
};

/**
 * Today's volume, shared by the stat tiles and the chart (one request).
 * `data` is null while the API does not offer the summary yet.
 */
export const useDashboardSummary = () => {
  const dataProvider = useDataProvider<ConduitDataProvider>();
  return useQuery({
    queryKey: ['dashboard', 'summary'],
    queryFn: async () => {
      const summary = await dataProvider.getDashboardSummary();
      return summary ? normalize(summary) : null;
    },
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
