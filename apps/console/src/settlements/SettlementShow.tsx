import { Grid } from '@mui/material';
import { Show, useRecordContext, useTranslate } from 'react-admin';
import type { Settlement } from '../api/settlementTypes';
import { formatBusinessDate } from '../common/dates';
import { BreakdownPanel } from './BreakdownPanel';
import { ItemsPanel } from './ItemsPanel';
import { SummaryPanel } from './SummaryPanel';
import { TotalsCards } from './TotalsCards';

const SettlementTitle = () => {
  const record = useRecordContext<Settlement>();
  const translate = useTranslate();
  if (!record) return <>{translate('conduit.settlements.title')}</>;
  return (
    <>
      {translate('conduit.settlements.title_named', {
        merchant: record.merchantName || record.merchantId,
        day: formatBusinessDate(record.businessDate),
      })}
    </>
  );
};

export const SettlementShow = () => (
  <Show<Settlement> title={<SettlementTitle />} component="div" actions={false}>
    <Grid container spacing={2}>
      <Grid size={12}>
        <SummaryPanel />
      </Grid>
      <Grid size={12}>
        <TotalsCards />
      </Grid>
      <Grid size={12}>
        <BreakdownPanel />
      </Grid>
      <Grid size={12}>
        <ItemsPanel />
      </Grid>
    </Grid>
  </Show>
);
