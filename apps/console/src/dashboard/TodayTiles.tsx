import PaymentsIcon from '@mui/icons-material/PaymentsOutlined';
import ReceiptIcon from '@mui/icons-material/ReceiptLongOutlined';
import VerifiedIcon from '@mui/icons-material/VerifiedOutlined';
import { useCreatePath } from 'react-admin';
import { StatTile } from './StatTile';
import { summaryDay, useDashboardSummary } from './useDashboardSummary';

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** The summary, and what a tile says without one once loading is over: it failed. */
const useToday = () => {
  const { data, isPending } = useDashboardSummary();
  return { summary: data ?? null, isPending, fallback: 'Could not be loaded' };
};

export const TodayVolumeTile = () => {
  const { summary, isPending, fallback } = useToday();
  return (
    <StatTile
      label="Today's volume"
      icon={<PaymentsIcon />}
      isPending={isPending}
      value={summary ? money.format(summary.totals.amountCents / 100) : '—'}
      caption={summary ? `Approved sales · ${summaryDay(summary)}` : fallback}
      testId="today-volume"
    />
  );
};

export const TodayCountTile = () => {
  const createPath = useCreatePath();
  const { summary, isPending, fallback } = useToday();
  return (
    <StatTile
      label="Transactions today"
      icon={<ReceiptIcon />}
      isPending={isPending}
      value={summary ? summary.totals.count.toLocaleString() : '—'}
      caption={summary ? `${summary.totals.approvedCount.toLocaleString()} approved` : fallback}
      to={createPath({ resource: 'transactions', type: 'list' })}
      testId="today-count"
    />
  );
};

export const ApprovalRateTile = () => {
  const { summary, isPending, fallback } = useToday();
  const hasPayments = Boolean(summary && summary.totals.count > 0);
  let caption = fallback;
  if (summary) {
    caption = hasPayments
      ? `${summary.totals.approvedCount.toLocaleString()} of ${summary.totals.count.toLocaleString()} approved`
      : 'No payments yet today';
  }
  return (
    <StatTile
      label="Approval rate"
      icon={<VerifiedIcon />}
      isPending={isPending}
      value={summary && hasPayments ? `${(summary.approvalRate * 100).toFixed(1)}%` : '—'}
      caption={caption}
      testId="today-approval-rate"
    />
  );
};
