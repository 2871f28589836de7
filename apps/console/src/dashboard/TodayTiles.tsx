import PaymentsIcon from '@mui/icons-material/PaymentsOutlined';
import ReceiptIcon from '@mui/icons-material/ReceiptLongOutlined';
import VerifiedIcon from '@mui/icons-material/VerifiedOutlined';
import { useCreatePath, useTranslate } from 'react-admin';
import { StatTile } from './StatTile';
import { summaryDay, useDashboardSummary } from './useDashboardSummary';

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** The summary, and what a tile says without one once loading is over: it failed. */
const useToday = () => {
  const { data, isPending } = useDashboardSummary();
  const translate = useTranslate();
  return {
    summary: data ?? null,
    isPending,
    fallback: translate('conduit.dashboard.could_not_load'),
    translate,
  };
};

export const TodayVolumeTile = () => {
  const { summary, isPending, fallback, translate } = useToday();
  return (
    <StatTile
      label={translate('conduit.dashboard.todays_volume')}
      icon={<PaymentsIcon />}
      isPending={isPending}
      value={summary ? money.format(summary.totals.amountCents / 100) : '—'}
      caption={
        summary
          ? translate('conduit.dashboard.approved_sales', { day: summaryDay(summary, translate) })
          : fallback
      }
      testId="today-volume"
    />
  );
};

export const TodayCountTile = () => {
  const createPath = useCreatePath();
  const { summary, isPending, fallback, translate } = useToday();
  return (
    <StatTile
      label={translate('conduit.dashboard.transactions_today')}
      icon={<ReceiptIcon />}
      isPending={isPending}
      value={summary ? summary.totals.count.toLocaleString() : '—'}
      caption={
        summary
          ? translate('conduit.dashboard.approved_count', {
              count: summary.totals.approvedCount.toLocaleString(),
            })
          : fallback
      }
      to={createPath({ resource: 'transactions', type: 'list' })}
      testId="today-count"
    />
  );
};

export const ApprovalRateTile = () => {
  const { summary, isPending, fallback, translate } = useToday();
  const hasPayments = Boolean(summary && summary.totals.count > 0);
  let caption = fallback;
  if (summary) {
    caption = hasPayments
      ? translate('conduit.dashboard.approved_of', {
          approved: summary.totals.approvedCount.toLocaleString(),
          count: summary.totals.count.toLocaleString(),
        })
      : translate('conduit.dashboard.no_payments_yet');
  }
  return (
    <StatTile
      label={translate('conduit.dashboard.approval_rate')}
      icon={<VerifiedIcon />}
      isPending={isPending}
      value={summary && hasPayments ? `${(summary.approvalRate * 100).toFixed(1)}%` : '—'}
      caption={caption}
      testId="today-approval-rate"
    />
  );
};
