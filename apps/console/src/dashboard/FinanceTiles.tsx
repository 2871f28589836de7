import AccountBalanceIcon from '@mui/icons-material/AccountBalanceOutlined';
import GavelIcon from '@mui/icons-material/GavelOutlined';
import EventAvailableIcon from '@mui/icons-material/EventAvailableOutlined';
import { Grid } from '@mui/material';
import { HttpError, useCanAccess, useCreatePath } from 'react-admin';
import { dueCountdown, formatBusinessDate } from '../common/dates';
import { formatCents } from '../common/money';
import { StatTile } from './StatTile';
import { useFinanceDashboard } from './useFinanceDashboard';

const FAILED = 'Could not be loaded';

const dueDay = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });

/**
 * The finance office's morning figures: the next deposit, the disputes waiting for an answer and
 * the last batch closed. Hidden for roles that see no settlements, and where the API refuses them.
 */
export const FinanceTiles = () => {
  const createPath = useCreatePath();
  const { canAccess: canSeeSettlements } = useCanAccess({ resource: 'settlements', action: 'list' });
  const { canAccess: canSeeDisputes } = useCanAccess({ resource: 'disputes', action: 'list' });
  const { data, isPending, error } = useFinanceDashboard(Boolean(canSeeSettlements));
  if (!canSeeSettlements || (error instanceof HttpError && error.status === 403)) return null;
  const width = { xs: 12, sm: canSeeDisputes ? 4 : 6 };
  const next = data?.nextDeposit ?? null;
  const disputes = data?.openDisputes;
  const last = data?.lastBatch ?? null;

  let disputeCaption = FAILED;
  if (disputes) {
    const countdown = disputes.nextDueAt ? dueCountdown(disputes.nextDueAt) : null;
    disputeCaption =
      disputes.count > 0 && disputes.nextDueAt
        ? `Next due ${dueDay.format(new Date(disputes.nextDueAt))}${countdown ? ` · ${countdown.toLowerCase()}` : ''}`
        : 'Nothing waiting for a response';
  }

  return (
    <>
      <Grid size={width}>
        <StatTile
          label="Next deposit"
          icon={<EventAvailableIcon />}
          isPending={isPending}
          value={next ? formatCents(next.amountCents) : '—'}
          caption={next ? `Expected ${formatBusinessDate(next.date)}` : data ? 'No deposit expected' : FAILED}
          to="/reconciliation"
          testId="finance-next-deposit"
        />
      </Grid>
      {canSeeDisputes && (
        <Grid size={width}>
          <StatTile
            label="Open disputes"
            icon={<GavelIcon />}
            isPending={isPending}
            value={disputes ? disputes.count.toLocaleString() : '—'}
            caption={disputeCaption}
            to={createPath({ resource: 'disputes', type: 'list' })}
            testId="finance-open-disputes"
          />
        </Grid>
      )}
      <Grid size={width}>
        <StatTile
          label="Last settlement"
          icon={<AccountBalanceIcon />}
          isPending={isPending}
          value={last ? formatCents(last.netCents) : '—'}
          caption={
            last
              ? `Net · ${last.merchantName || last.merchantId} · ${formatBusinessDate(last.businessDate)}`
              : data
                ? 'No batch closed yet'
                : FAILED
          }
          to={
            last
              ? createPath({ resource: 'settlements', type: 'show', id: last.id })
              : createPath({ resource: 'settlements', type: 'list' })
          }
          testId="finance-last-batch"
        />
      </Grid>
    </>
  );
};
