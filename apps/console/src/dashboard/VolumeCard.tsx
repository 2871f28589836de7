import { lazy, Suspense } from 'react';
import { Box, Card, CardContent, CardHeader, Skeleton, Typography } from '@mui/material';
import InsightsIcon from '@mui/icons-material/InsightsOutlined';
import { useTranslate } from 'react-admin';
import { summaryDay, useDashboardSummary } from './useDashboardSummary';

const VolumeChart = lazy(() => import('./VolumeChart'));

const Empty = ({ text }: { text: string }) => (
  <Box
    sx={{ height: 260, display: 'grid', placeItems: 'center', textAlign: 'center', color: 'text.secondary' }}
  >
    <Box>
      <InsightsIcon sx={{ fontSize: 44, color: 'primary.light', mb: 1 }} />
      <Typography variant="body2">{text}</Typography>
    </Box>
  </Box>
);

export const VolumeCard = () => {
  const { data, isPending, isError } = useDashboardSummary();
  const translate = useTranslate();

  let body;
  if (isPending) body = <Skeleton variant="rounded" height={260} />;
  else if (isError || !data) body = <Empty text={translate('conduit.dashboard.volume_unavailable')} />;
  else if (data.totals.count === 0) body = <Empty text={translate('conduit.dashboard.no_payments_chart')} />;
  else
    body = (
      <Suspense fallback={<Skeleton variant="rounded" height={260} />}>
        <VolumeChart data={data.volumeByHour} timeZone={data.timeZone} />
      </Suspense>
    );

  return (
    <Card sx={{ height: '100%' }}>
      <CardHeader
        title={translate('conduit.dashboard.todays_volume')}
        subheader={
          data
            ? translate('conduit.dashboard.volume_by_hour_day', { day: summaryDay(data, translate) })
            : translate('conduit.dashboard.volume_by_hour')
        }
        slotProps={{ title: { variant: 'h6' } }}
      />
      <CardContent sx={{ pt: 0 }}>{body}</CardContent>
    </Card>
  );
};
