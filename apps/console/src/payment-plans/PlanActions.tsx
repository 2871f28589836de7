import { useState, type ReactNode } from 'react';
import { Stack } from '@mui/material';
import PauseIcon from '@mui/icons-material/PauseCircleOutline';
import PlayIcon from '@mui/icons-material/PlayCircleOutline';
import CancelIcon from '@mui/icons-material/CancelOutlined';
import PaymentsIcon from '@mui/icons-material/PaymentsOutlined';
import CreditCardIcon from '@mui/icons-material/CreditCardOutlined';
import FastForwardIcon from '@mui/icons-material/FastForwardOutlined';
import { useMutation } from '@tanstack/react-query';
import {
  Button,
  Confirm,
  useCanAccess,
  useGetOne,
  useNotify,
  useRecordContext,
  useRefresh,
} from 'react-admin';
import type { Merchant } from '../api/types';
import { type PlanAction, type PlanActionResult, planActions } from './api';
import { formatAmount } from './constants';
import type { PaymentPlan } from './types';

const open = (s: PaymentPlan['status']) => s === 'Active' || s === 'PastDue';
const LABELS: Record<PlanAction, string> = {
  pause: 'Pause',
  resume: 'Resume',
  cancel: 'Cancel plan',
  'charge-now': 'Charge now',
  'run-next': 'Run next',
};
const DONE: Record<PlanAction, string> = {
  pause: 'Plan paused',
  resume: 'Plan resumed',
  cancel: 'Plan cancelled',
  'charge-now': 'Charged',
  'run-next': 'Next charge run',
};

/** What a charge answered: "Charged $33.33: approved (000)". */
const chargeMessage = (action: PlanAction, result: PlanActionResult) => {
  const t = result.transaction;
  if (!t) return DONE[action];
  const amount = formatAmount((t as unknown as { amount?: string }).amount);
  return `${DONE[action]} ${amount}: ${t.responseMessage} (${t.responseCode})`;
};

/**
 * The practice admin's actions on a plan (payment-plans.md "Admin API"). Cancel asks first;
 * "Run next" is a sandbox tool, shown only for merchants on the SANDBOX processor.
 */
export const PlanActions = () => {
  const record = useRecordContext<PaymentPlan>();
  const { canAccess } = useCanAccess({ resource: 'payment-plans', action: 'manage', record });
  const { data: merchant } = useGetOne<Merchant>(
    'merchants',
    { id: record?.merchantId ?? '' },
    { enabled: Boolean(record?.merchantId && canAccess) },
  );
  const notify = useNotify();
  const refresh = useRefresh();
  const [confirming, setConfirming] = useState(false);
  const act = useMutation<PlanActionResult, Error, PlanAction>({
    mutationFn: (action) => planActions.run(String(record?.id), action),
    onSuccess: (result, action) => {
      setConfirming(false);
      const declined = result.transaction && result.transaction.responseCode !== '000';
      notify(chargeMessage(action, result), { type: declined ? 'warning' : 'success' });
      refresh();
    },
    onError: (error) => {
      setConfirming(false);
      notify(error.message || 'The plan could not be changed.', { type: 'error' });
      refresh();
    },
  });
  const replace = useMutation<{ pageUrl: string }, Error>({
    mutationFn: () => planActions.replaceCard(String(record?.id)),
    onSuccess: ({ pageUrl }) => {
      window.open(pageUrl, '_blank', 'noopener');
    },
    onError: (error) => notify(error.message || 'The card page could not be opened.', { type: 'error' }),
  });
  if (!record || !canAccess) return null;
  const busy = act.isPending || replace.isPending;
  const button = (action: PlanAction, icon: ReactNode, onClick = () => act.mutate(action)) => (
    <Button key={action} label={LABELS[action]} onClick={onClick} disabled={busy}>
      {icon}
    </Button>
  );
  const live = record.status !== 'Cancelled' && record.status !== 'Completed';
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }} data-testid="plan-actions">
      {open(record.status) && button('pause', <PauseIcon />)}
      {record.status === 'Paused' && button('resume', <PlayIcon />)}
      {open(record.status) && button('charge-now', <PaymentsIcon />)}
      {open(record.status) && merchant?.processor === 'SANDBOX' && button('run-next', <FastForwardIcon />)}
      {live && (
        <Button label="Replace card" onClick={() => replace.mutate()} disabled={busy}>
          <CreditCardIcon />
        </Button>
      )}
      {live && button('cancel', <CancelIcon />, () => setConfirming(true))}
      <Confirm
        isOpen={confirming}
        loading={act.isPending}
        title="Cancel this payment plan?"
        content="Nothing more is charged on a cancelled plan, and it cannot be resumed."
        confirm="Cancel plan"
        cancel="Keep plan"
        onConfirm={() => act.mutate('cancel')}
        onClose={() => setConfirming(false)}
      />
    </Stack>
  );
};
