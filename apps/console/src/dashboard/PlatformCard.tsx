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
import { LinkBase } from 'react-admin';
import { CopyableValue } from '../platform/CopyableValue';
import { usePlatformInfo } from '../platform/usePlatformInfo';

export const PlatformCard = () => {
  const { data, isPending, isError } = usePlatformInfo();
  return (
    <Card sx={{ height: '100%', display: 'flex', flexDirection: 'column' }}>
      <CardHeader
        title="Platform"
        subheader={data ? `${data.name} ${data.version}` : undefined}
        slotProps={{ title: { variant: 'h6' } }}
        action={data && <Chip size="small" label={data.environment} sx={{ mt: 1, mr: 1 }} />}
      />
      <CardContent sx={{ pt: 0, flex: 1 }}>
        {isPending && <Skeleton variant="rounded" height={120} />}
        {isError && (
          <Typography variant="body2" color="text.secondary">
            Platform information is unavailable right now.
          </Typography>
        )}
        {data && (
          <Box sx={{ display: 'grid', gap: 1 }}>
            <Typography variant="caption" color="text.secondary">
              REST API
            </Typography>
            <CopyableValue value={data.urls.rest} />
            <Typography variant="caption" color="text.secondary">
              NVP API
            </Typography>
            <CopyableValue value={data.urls.nvp} />
            <Typography variant="caption" color="text.secondary">
              Webhook source IPs
            </Typography>
            <Typography variant="body2" sx={{ fontFamily: 'monospace' }}>
              {data.webhookSourceIps.join(', ') || '—'}
            </Typography>
          </Box>
        )}
      </CardContent>
      <CardActions sx={{ px: 2, pb: 2 }}>
        <Button component={LinkBase} to="/platform" size="small">
          All platform details
        </Button>
      </CardActions>
    </Card>
  );
};
