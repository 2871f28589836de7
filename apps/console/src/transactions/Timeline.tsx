import { useMemo } from 'react';
import { Box, Button, Chip, Skeleton, Typography } from '@mui/material';
import {
  LinkBase,
  RecordContextProvider,
  useCreatePath,
  useGetOne,
  useRecordContext,
  useShowContext,
  useTranslate,
} from 'react-admin';
import type { Transaction } from '../api/types';
import { DateTimeField } from '../common/fields';
import { TRANSACTION_STATES } from './constants';
import { AmountField, TransactionStatusField } from './fields';
import { Nothing, Panel } from './Panel';

const time = (t: Transaction) => Date.parse(t.createdAt ?? '') || 0;

/**
 * The primary and its secondaries (captures, voids, refunds), oldest first. On a secondary,
 * the primary is fetched so the whole story is shown, not just this step.
 */
const useChain = (record: Transaction | undefined) => {
  const primaryId = record?.primaryTransactionId ?? null;
  const { data: primary, isPending } = useGetOne<Transaction>(
    'transactions',
    { id: primaryId ?? '' },
    { enabled: primaryId !== null },
  );
  const chain = useMemo(() => {
    if (!record) return [];
    const root = primaryId ? primary : record;
    const all = new Map<string, Transaction>();
    const steps = [
      root,
      ...(root?.secondaryTransactions ?? []),
      record,
      ...(record.secondaryTransactions ?? []),
    ];
    for (const step of steps) if (step) all.set(String(step.id), step);
    return [...all.values()].sort((a, b) => time(a) - time(b));
  }, [record, primary, primaryId]);
  return { chain, loadingPrimary: primaryId !== null && isPending };
};

const dotColour = (status: string | null) => {
  const colour = TRANSACTION_STATES[status ?? '']?.[1] ?? 'default';
  return colour === 'default' ? 'grey.400' : `${colour}.main`;
};

const Step = ({ step, current, last }: { step: Transaction; current: boolean; last: boolean }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  return (
    <Box
      component="li"
      sx={{
        position: 'relative',
        pl: 3.5,
        pb: last ? 0 : 2.5,
        // The line joining this step to the next.
        '&::before': last
          ? undefined
          : {
              content: '""',
              position: 'absolute',
              left: 7,
              top: 20,
              bottom: 0,
              width: 2,
              bgcolor: 'divider',
            },
      }}
    >
      <Box
        sx={{
          position: 'absolute',
          left: 0,
          top: 4,
          width: 16,
          height: 16,
          borderRadius: '50%',
          bgcolor: dotColour(step.status),
          boxShadow: current ? '0 0 0 4px rgba(15, 124, 116, 0.18)' : undefined,
        }}
      />
      <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 2 }}>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Box sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 1 }}>
            <Typography variant="subtitle1">
              {step.action ?? translate('conduit.transactions.transaction')}
            </Typography>
            <TransactionStatusField />
            {!step.primaryTransactionId && (
              <Chip
                size="small"
                variant="outlined"
                label={translate('conduit.transactions.labels.primary')}
              />
            )}
          </Box>
          <Typography variant="body2" color="text.secondary" component="div">
            <DateTimeField source="createdAt" />
            {(step.responseCode || step.responseMessage) && (
              <>
                {' · '}
                <Box component="span" sx={{ fontFamily: 'monospace' }}>
                  {step.responseCode}
                </Box>{' '}
                {step.responseMessage}
              </>
            )}
          </Typography>
        </Box>
        <Box sx={{ textAlign: 'right', flexShrink: 0 }}>
          <AmountField />
          <Box>
            {current ? (
              <Typography variant="caption" color="primary">
                This transaction
              </Typography>
            ) : (
              <Button
                component={LinkBase}
                to={createPath({ resource: 'transactions', type: 'show', id: step.id })}
                size="small"
                sx={{ minWidth: 0, px: 1 }}
              >
                View
              </Button>
            )}
          </Box>
        </Box>
      </Box>
    </Box>
  );
};

export const TimelinePanel = () => {
  const record = useRecordContext<Transaction>();
  const { isFetching } = useShowContext<Transaction>();
  const { chain, loadingPrimary } = useChain(record);
  if (!record) return null;
  // A record from the list cache has no secondaries yet: wait for the full one.
  const waiting = loadingPrimary || (record.secondaryTransactions === undefined && isFetching);
  return (
    <Panel title="conduit.transactions.panels.timeline" subheader="conduit.transactions.panels.timeline_note">
      {waiting && <Skeleton variant="rounded" height={96} />}
      {!waiting && chain.length === 0 && <Nothing text="conduit.transactions.empty.no_history_recorded" />}
      {!waiting && chain.length > 0 && (
        <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0 }}>
          {chain.map((step, index) => (
            <RecordContextProvider key={step.id} value={step}>
              <Step step={step} current={step.id === record.id} last={index === chain.length - 1} />
            </RecordContextProvider>
          ))}
        </Box>
      )}
    </Panel>
  );
};
