import { Card, CardContent, Grid, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import type { ConduitDataProvider } from '../api/dataProvider';
import type { WebhookEndpoint } from '../api/webhookTypes';

/** `label` is an i18n key. */
const Figure = ({ label, value }: { label: string; value: string | number }) => {
  const translate = useTranslate();
  return (
    <Grid size={{ xs: 6, sm: 3 }}>
      <Typography variant="caption" color="text.secondary">
        {translate(label)}
      </Typography>
      <Typography variant="h6">{value}</Typography>
    </Grid>
  );
};

/** Success rate and the last failure over 7 days, and what waits now. */
export const HealthCard = () => {
  const record = useRecordContext<WebhookEndpoint>();
  const dataProvider = useDataProvider<ConduitDataProvider>();
  const translate = useTranslate();
  const { data } = useQuery({
    queryKey: ['webhook-endpoint-health', record?.id],
    queryFn: () => dataProvider.getWebhookEndpointHealth(String(record?.id)),
    enabled: Boolean(record),
    refetchInterval: 10_000,
  });
  if (!data) return null;
  const rate = data.successRate === null ? '—' : `${(data.successRate * 100).toFixed(1)} %`;
  return (
    <Card
      variant="outlined"
      sx={{ mb: 2 }}
      aria-label={translate('conduit.webhook_endpoints.health.title_short')}
    >
      <CardContent>
        <Typography variant="subtitle1" gutterBottom>
          {translate('conduit.webhook_endpoints.health.title')}
        </Typography>
        <Grid container spacing={2}>
          <Figure label="conduit.webhook_endpoints.health.success_rate" value={rate} />
          <Figure label="conduit.webhook_endpoints.health.attempts" value={data.attempts} />
          <Figure
            label="conduit.webhook_endpoints.health.pending_posting_retry"
            value={data.pendingPostingRetry}
          />
          <Figure label="conduit.webhook_endpoints.health.posting_errors" value={data.postingErrors} />
        </Grid>
        <Typography variant="body2" sx={{ mt: 2 }}>
          {data.lastFailureAt
            ? translate('conduit.webhook_endpoints.health.last_failure', {
                at: new Date(data.lastFailureAt).toLocaleString(),
                message: data.lastFailureMessage ?? '',
              })
            : translate('conduit.webhook_endpoints.health.no_failures')}
        </Typography>
      </CardContent>
    </Card>
  );
};
