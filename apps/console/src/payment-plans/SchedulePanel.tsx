import { Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link, useCreatePath, useRecordContext } from 'react-admin';
import { formatBusinessDate } from '../common/dates';
import { Panel } from '../transactions/Panel';
import { CHARGE_KIND_LABELS, CHARGE_STATES, formatAmount } from './constants';
import type { PaymentPlan } from './types';

const num = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/** Past charges (each linked to its transaction) and the dates to come. */
export const SchedulePanel = () => {
  const record = useRecordContext<PaymentPlan>();
  const createPath = useCreatePath();
  if (!record?.schedule) return null;
  const { past, upcoming } = record.schedule;
  return (
    <Panel title="Schedule" subheader={`${record.frequency}, from ${formatBusinessDate(record.startDate)}`}>
      <Typography variant="subtitle2" sx={{ mt: 1 }}>
        Past charges
      </Typography>
      {past.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          Nothing charged yet.
        </Typography>
      ) : (
        <Table size="small" data-testid="plan-past-charges">
          <TableHead>
            <TableRow>
              <TableCell>#</TableCell>
              <TableCell>Kind</TableCell>
              <TableCell>Due</TableCell>
              <TableCell align="right">Amount</TableCell>
              <TableCell>Outcome</TableCell>
              <TableCell>Transaction</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {past.map((c) => {
              const [label, color] = CHARGE_STATES[c.status] ?? [c.status, 'default'];
              return (
                <TableRow key={`${c.sequence}-${c.attempt}-${c.kind}`}>
                  <TableCell sx={num}>{c.sequence}</TableCell>
                  <TableCell>{CHARGE_KIND_LABELS[c.kind] ?? c.kind}</TableCell>
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
        Upcoming
      </Typography>
      {upcoming.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          No charges to come.
        </Typography>
      ) : (
        <Table size="small" data-testid="plan-upcoming">
          <TableHead>
            <TableRow>
              <TableCell>#</TableCell>
              <TableCell>Date</TableCell>
              <TableCell align="right">Amount</TableCell>
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
