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
  useTranslate,
  type TranslateFunction,
} from 'react-admin';
import type { Merchant } from '../api/types';
import { type PlanAction, type PlanActionResult, planActions } from './api';
import { formatAmount } from './constants';
import type { PaymentPlan } from './types';

const open = (s: PaymentPlan['status']) => s === 'Active' || s === 'PastDue';
/** i18n keys: each action's button, and what it did. */
const LABELS: Record<PlanAction, string> = {
  pause: 'conduit.payment_plans.actions.pause',
  resume: 'conduit.payment_plans.actions.resume',
  cancel: 'conduit.payment_plans.actions.cancel',
  'charge-now': 'conduit.payment_plans.actions.charge_now',
  'run-next': 'conduit.payment_plans.actions.run_next',
};
const DONE: Record<PlanAction, string> = {
  pause: 'conduit.payment_plans.actions.paused',
  resume: 'conduit.payment_plans.actions.resumed',
  cancel: 'conduit.payment_plans.actions.cancelled',
  'charge-now': 'conduit.payment_plans.actions.charged',
  'run-next': 'conduit.payment_plans.actions.ran_next',
};

/** What a charge answered: "Charged $33.33: approved (000)". */
const chargeMessage = (action: PlanAction, result: PlanActionResult, translate: TranslateFunction) => {
  const t = result.transaction;
  if (!t) return translate(DONE[action]);
  const amount = formatAmount((t as unknown as { amount?: string }).amount);
  return translate('conduit.payment_plans.actions.charge_result', {
    done: translate(DONE[action]),
    amount,
    message: t.responseMessage,
    code: t.responseCode,
  });
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
  const translate = useTranslate();
  const [confirming, setConfirming] = useState(false);
  const act = useMutation<PlanActionResult, Error, PlanAction>({
    mutationFn: (action) => planActions.run(String(record?.id), action),
    onSuccess: (result, action) => {
      setConfirming(false);
      const declined = result.transaction && result.transaction.responseCode !== '000';
      notify(chargeMessage(action, result, translate), { type: declined ? 'warning' : 'success' });
      refresh();
    },
    onError: (error) => {
      setConfirming(false);
      notify(error.message || 'conduit.payment_plans.actions.failed', { type: 'error' });
      refresh();
    },
  });
  const replace = useMutation<{ pageUrl: string }, Error>({
    mutationFn: () => planActions.replaceCard(String(record?.id)),
    onSuccess: ({ pageUrl }) => {
      window.open(pageUrl, '_blank', 'noopener');
    },
    onError: (error) =>
      notify(error.message || 'conduit.payment_plans.actions.card_page_failed', { type: 'error' }),
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
        <Button
          label="conduit.payment_plans.actions.replace_card"
          onClick={() => replace.mutate()}
          disabled={busy}
        >
          <CreditCardIcon />
        </Button>
      )}
      {live && button('cancel', <CancelIcon />, () => setConfirming(true))}
      <Confirm
        isOpen={confirming}
        loading={act.isPending}
        title="conduit.payment_plans.actions.cancel_title"
        content="conduit.payment_plans.actions.cancel_content"
        confirm="conduit.payment_plans.actions.cancel"
        cancel="conduit.payment_plans.actions.keep"
        onConfirm={() => act.mutate('cancel')}
        onClose={() => setConfirming(false)}
      />
    </Stack>
  );
};
