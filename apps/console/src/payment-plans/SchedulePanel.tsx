import { Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link, useCreatePath, useRecordContext, useTranslate } from 'react-admin';
import { formatBusinessDate } from '../common/dates';
import { Panel } from '../transactions/Panel';
import { CHARGE_KIND_LABELS, CHARGE_STATES, formatAmount } from './constants';
import type { PaymentPlan } from './types';

const num = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/** Past charges (each linked to its transaction) and the dates to come. */
export const SchedulePanel = () => {
  const record = useRecordContext<PaymentPlan>();
  const createPath = useCreatePath();
  const translate = useTranslate();
  if (!record?.schedule) return null;
  const { past, upcoming } = record.schedule;
  return (
    <Panel
      title="conduit.payment_plans.schedule.title"
      subheader={translate('conduit.payment_plans.schedule.subheader', {
        frequency: record.frequency,
        start: formatBusinessDate(record.startDate),
      })}
    >
      <Typography variant="subtitle2" sx={{ mt: 1 }}>
        {translate('conduit.payment_plans.schedule.past')}
      </Typography>
      {past.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('conduit.payment_plans.schedule.nothing_charged')}
        </Typography>
      ) : (
        <Table size="small" data-testid="plan-past-charges">
          <TableHead>
            <TableRow>
              <TableCell>#</TableCell>
              <TableCell>{translate('conduit.payment_plans.schedule.kind')}</TableCell>
              <TableCell>{translate('conduit.payment_plans.schedule.due')}</TableCell>
              <TableCell align="right">{translate('conduit.payment_plans.schedule.amount')}</TableCell>
              <TableCell>{translate('conduit.payment_plans.schedule.outcome')}</TableCell>
              <TableCell>{translate('conduit.payment_plans.schedule.transaction')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {past.map((c) => {
              const [key, color] = CHARGE_STATES[c.status] ?? [c.status, 'default'];
              const label = translate(key, { _: key });
              return (
                <TableRow key={`${c.sequence}-${c.attempt}-${c.kind}`}>
                  <TableCell sx={num}>{c.sequence}</TableCell>
                  <TableCell>
                    {CHARGE_KIND_LABELS[c.kind] ? translate(CHARGE_KIND_LABELS[c.kind]) : c.kind}
                  </TableCell>
                  <TableCell sx={num}>{formatBusinessDate(c.dueDate)}</TableCell>
                  <TableCell align="right" sx={num}>
                    {formatAmount(c.amount)}
                  </TableCell>
                  <TableCell>
                    <Chip
                      size="small"
                      label={c.responseCode ? `${label} · ${c.responseCode}` : label}
                      color={color}
                      variant={color === 'default' ? 'outlined' : 'filled'}
                    />
                  </TableCell>
                  <TableCell sx={{ fontFamily: 'monospace' }}>
                    {c.transactionId ? (
                      <Link to={createPath({ resource: 'transactions', type: 'show', id: c.transactionId })}>
                        {c.transactionId}
                      </Link>
                    ) : (
                      '—'
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      <Typography variant="subtitle2" sx={{ mt: 2 }}>
        {translate('conduit.payment_plans.schedule.upcoming')}
      </Typography>
      {upcoming.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('conduit.payment_plans.schedule.none_to_come')}
        </Typography>
      ) : (
        <Table size="small" data-testid="plan-upcoming">
          <TableHead>
            <TableRow>
              <TableCell>#</TableCell>
              <TableCell>{translate('conduit.payment_plans.schedule.date')}</TableCell>
              <TableCell align="right">{translate('conduit.payment_plans.schedule.amount')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {upcoming.map((u) => (
              <TableRow key={u.sequence}>
                <TableCell sx={num}>{u.sequence}</TableCell>
                <TableCell sx={num}>{formatBusinessDate(u.date)}</TableCell>
                <TableCell align="right" sx={num}>
                  {formatAmount(u.amount)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Panel>
  );
};
