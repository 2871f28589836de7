import { lazy, Suspense } from 'react';
import { Box, Card, CardContent, CardHeader, Chip, Skeleton, Typography } from '@mui/material';
import InsightsIcon from '@mui/icons-material/InsightsOutlined';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { ConduitDataProvider } from '../api/dataProvider';

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
  const dataProvider = useDataProvider<ConduitDataProvider>();
  const { data, isPending, isError } = useQuery({
    queryKey: ['dashboard', 'summary'],
    queryFn: () => dataProvider.getDashboardSummary(),
    retry: false,
    staleTime: 60_000,
  });
  const points = data?.volumeByHour ?? [];
  const approval =
    data && typeof data.approvalRate === 'number'
      ? `${(data.approvalRate <= 1 ? data.approvalRate * 100 : data.approvalRate).toFixed(1)}% approved`
      : null;

  let body;
  if (isPending) body = <Skeleton variant="rounded" height={260} />;
  else if (isError) body = <Empty text="Volume data could not be loaded right now." />;
  else if (!data)
    body = <Empty text="Volume reporting is not available yet. Today's payments will appear here." />;
  else if (points.length === 0) body = <Empty text="No payments yet today." />;
  else
    body = (
      <Suspense fallback={<Skeleton variant="rounded" height={260} />}>
        <VolumeChart data={points} />
      </Suspense>
    );

  return (
    <Card sx={{ height: '100%' }}>
      <CardHeader
        title="Today's volume"
        subheader="Amount by hour"
        slotProps={{ title: { variant: 'h6' } }}
        action={
          approval && (
            <Chip label={approval} color="success" size="small" variant="outlined" sx={{ mt: 1, mr: 1 }} />
          )
        }
      />
      <CardContent sx={{ pt: 0 }}>{body}</CardContent>
    </Card>
  );
};
