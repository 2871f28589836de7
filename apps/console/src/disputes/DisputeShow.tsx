import { Grid } from '@mui/material';
import { Show, useRecordContext, useTranslate } from 'react-admin';
import type { Dispute } from '../api/settlementTypes';
import { formatCents } from '../common/money';
import { EvidencePanel } from './EvidencePanel';
import { RespondPanel } from './RespondPanel';
import { SummaryPanel } from './SummaryPanel';
import { TimelinePanel } from './TimelinePanel';

/** Only while a response is wanted. */
const RespondSection = () => {
  const record = useRecordContext<Dispute>();
  if (record?.status !== 'NEEDS_RESPONSE') return null;
  return (
    <Grid size={12}>
      <RespondPanel />
    </Grid>
  );
};

const DisputeTitle = () => {
  const record = useRecordContext<Dispute>();
  const translate = useTranslate();
  if (!record) return <>{translate('conduit.disputes.title')}</>;
  return (
    <>
      {translate('conduit.disputes.title_named', {
        reason: record.reasonCode,
        amount: formatCents(record.amountCents),
      })}
    </>
  );
};

export const DisputeShow = () => (
  <Show<Dispute> title={<DisputeTitle />} component="div" actions={false}>
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, lg: 7 }}>
        <SummaryPanel />
      </Grid>
      <Grid size={{ xs: 12, lg: 5 }}>
        <TimelinePanel />
      </Grid>
      <RespondSection />
      <Grid size={12}>
        <EvidencePanel />
      </Grid>
    </Grid>
  </Show>
);
