import { Grid } from '@mui/material';
import { Show, useRecordContext, useTranslate } from 'react-admin';
import type { Transaction } from '../api/types';
import { CheckImagesPanel } from './CheckImagesPanel';
import { ChipReceiptPanel, isChipTransaction } from './ChipReceiptPanel';
import { DeliveriesPanel } from './DeliveriesPanel';
import { OutletPanel, PatientPanel, PaymentPanel } from './DetailPanels';
import { formatMoney, shortId } from './format';
import { SummaryPanel } from './SummaryPanel';
import { TimelinePanel } from './Timeline';

const TransactionTitle = () => {
  const record = useRecordContext<Transaction>();
  const translate = useTranslate();
  if (!record) return <>{translate('conduit.transactions.transaction')}</>;
  return (
    <>{`${record.action ?? translate('conduit.transactions.transaction')} ${formatMoney(record.amount)} · ${shortId(record.id)}`}</>
  );
};

/** The chip receipt and the scanned check, each only on the transactions that have one. */
const CardPresentPanels = () => {
  const record = useRecordContext<Transaction>();
  if (!record) return null;
  return (
    <>
      {isChipTransaction(record) && (
        <Grid size={{ xs: 12, md: 6 }}>
          <ChipReceiptPanel />
        </Grid>
      )}
      {(record.checkImages?.length ?? 0) > 0 && (
        <Grid size={{ xs: 12, md: 6 }}>
          <CheckImagesPanel />
        </Grid>
      )}
    </>
  );
};

export const TransactionShow = () => (
  <Show<Transaction> title={<TransactionTitle />} component="div" actions={false}>
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, lg: 8 }}>
        <SummaryPanel />
      </Grid>
      <Grid size={{ xs: 12, lg: 4 }}>
        <OutletPanel />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <PaymentPanel />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <PatientPanel />
      </Grid>
      <CardPresentPanels />
      <Grid size={{ xs: 12, lg: 7 }}>
        <TimelinePanel />
      </Grid>
      <Grid size={{ xs: 12, lg: 5 }}>
        <DeliveriesPanel />
      </Grid>
    </Grid>
  </Show>
);
