import { Card, CardContent, Grid, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useRecordContext } from 'react-admin';
import type { ConduitDataProvider } from '../api/dataProvider';
import type { WebhookEndpoint } from '../api/webhookTypes';

const Figure = ({ label, value }: { label: string; value: string | number }) => (
  <Grid size={{ xs: 6, sm: 3 }}>
    <Typography variant="caption" color="text.secondary">
      {label}
    </Typography>
    <Typography variant="h6">{value}</Typography>
  </Grid>
);

/** Success rate and the last failure over 7 days, and what waits now. */
export const HealthCard = () => {
  const record = useRecordContext<WebhookEndpoint>();
  const dataProvider = useDataProvider<ConduitDataProvider>();
  const { data } = useQuery({
    queryKey: ['webhook-endpoint-health', record?.id],
    queryFn: () => dataProvider.getWebhookEndpointHealth(String(record?.id)),
    enabled: Boolean(record),
    refetchInterval: 10_000,
  });
  if (!data) return null;
  const rate = data.successRate === null ? '—' : `${(data.successRate * 100).toFixed(1)} %`;
  return (
    <Card variant="outlined" sx={{ mb: 2 }} aria-label="Endpoint health">
      <CardContent>
        <Typography variant="subtitle1" gutterBottom>
          Health (last 7 days)
        </Typography>
        <Grid container spacing={2}>
          <Figure label="Success rate" value={rate} />
          <Figure label="Attempts" value={data.attempts} />
          <Figure label="Pending posting retry" value={data.pendingPostingRetry} />
          <Figure label="Posting errors" value={data.postingErrors} />
        </Grid>
        <Typography variant="body2" sx={{ mt: 2 }}>
          {data.lastFailureAt
            ? `Last failure ${new Date(data.lastFailureAt).toLocaleString()}: ${data.lastFailureMessage ?? ''}`
            : 'No failures.'}
        </Typography>
      </CardContent>
    </Card>
  );
};
