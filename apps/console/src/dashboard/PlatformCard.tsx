import {
  Box,
  Button,
  Card,
  CardActions,
  CardContent,
  CardHeader,
  Chip,
  Skeleton,
  Typography,
} from '@mui/material';
import { LinkBase, useTranslate } from 'react-admin';
import { CopyableValue } from '../platform/CopyableValue';
import { usePlatformInfo } from '../platform/usePlatformInfo';

export const PlatformCard = () => {
  const { data, isPending, isError } = usePlatformInfo();
  const translate = useTranslate();
  return (
    <Card sx={{ height: '100%', display: 'flex', flexDirection: 'column' }}>
      <CardHeader
        title={translate('conduit.menu.platform')}
        subheader={data ? `${data.name} ${data.version}` : undefined}
        slotProps={{ title: { variant: 'h6' } }}
        action={data && <Chip size="small" label={data.environment} sx={{ mt: 1, mr: 1 }} />}
      />
      <CardContent sx={{ pt: 0, flex: 1 }}>
        {isPending && <Skeleton variant="rounded" height={120} />}
        {isError && (
          <Typography variant="body2" color="text.secondary">
            {translate('conduit.dashboard.platform_unavailable')}
          </Typography>
        )}
        {data && (
          <Box sx={{ display: 'grid', gap: 1 }}>
            <Typography variant="caption" color="text.secondary">
              {translate('conduit.dashboard.rest_api')}
            </Typography>
            <CopyableValue value={data.urls.rest} />
            <Typography variant="caption" color="text.secondary">
              {translate('conduit.dashboard.nvp_api')}
            </Typography>
            <CopyableValue value={data.urls.nvp} />
            <Typography variant="caption" color="text.secondary">
              {translate('conduit.dashboard.webhook_ips')}
            </Typography>
            <Typography variant="body2" sx={{ fontFamily: 'monospace' }}>
              {data.webhookSourceIps.join(', ') || '—'}
            </Typography>
          </Box>
        )}
      </CardContent>
      <CardActions sx={{ px: 2, pb: 2 }}>
        <Button component={LinkBase} to="/platform" size="small">
          {translate('conduit.dashboard.all_platform_details')}
        </Button>
      </CardActions>
    </Card>
  );
};
