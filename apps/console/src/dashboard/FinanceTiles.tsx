import AccountBalanceIcon from '@mui/icons-material/AccountBalanceOutlined';
import GavelIcon from '@mui/icons-material/GavelOutlined';
import EventAvailableIcon from '@mui/icons-material/EventAvailableOutlined';
import { Grid } from '@mui/material';
import { HttpError, useCanAccess, useCreatePath, useTranslate } from 'react-admin';
import { translateCountdown } from '../disputes/fields';
import { dueCountdown, formatBusinessDate } from '../common/dates';
import { formatCents } from '../common/money';
import { StatTile } from './StatTile';
import { useFinanceDashboard } from './useFinanceDashboard';

const dueDay = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });

/**
 * The finance office's morning figures: the next deposit, the disputes waiting for an answer and
 * the last batch closed. Hidden for roles that see no settlements, and where the API refuses them.
 */
export const FinanceTiles = () => {
  const createPath = useCreatePath();
  const translate = useTranslate();
  const FAILED = translate('conduit.dashboard.could_not_load');
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
        ? translate(countdown ? 'conduit.dashboard.next_due_countdown' : 'conduit.dashboard.next_due', {
            day: dueDay.format(new Date(disputes.nextDueAt)),
            countdown: countdown ? translateCountdown(countdown, translate).toLowerCase() : '',
          })
        : translate('conduit.dashboard.no_disputes_waiting');
  }

  return (
    <>
      <Grid size={width}>
        <StatTile
          label="conduit.dashboard.next_deposit"
          icon={<EventAvailableIcon />}
          isPending={isPending}
          value={next ? formatCents(next.amountCents) : '—'}
          caption={
            next
              ? translate('conduit.dashboard.expected_on', { day: formatBusinessDate(next.date) })
              : data
                ? translate('conduit.dashboard.no_deposit')
                : FAILED
          }
          to="/reconciliation"
          testId="finance-next-deposit"
        />
      </Grid>
      {canSeeDisputes && (
        <Grid size={width}>
          <StatTile
            label="conduit.dashboard.open_disputes"
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
          label="conduit.dashboard.last_settlement"
          icon={<AccountBalanceIcon />}
          isPending={isPending}
          value={last ? formatCents(last.netCents) : '—'}
          caption={
            last
              ? translate('conduit.dashboard.last_batch', {
                  merchant: last.merchantName || last.merchantId,
                  day: formatBusinessDate(last.businessDate),
                })
              : data
                ? translate('conduit.dashboard.no_batch')
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
