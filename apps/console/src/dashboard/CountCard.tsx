import type { ReactNode } from 'react';
import { Box, Card, CardActionArea, CardContent, Skeleton, Typography } from '@mui/material';
import { useCreatePath, useGetList, LinkBase } from 'react-admin';

export interface CountCardProps {
  resource: string;
  label: string;
  icon: ReactNode;
  filter?: Record<string, unknown>;
}

/** Uses the Content-Range total of a one-row list call (range=[0,0]). */
export const CountCard = ({ resource, label, icon, filter = {} }: CountCardProps) => {
  const createPath = useCreatePath();
  const { total, isPending, error } = useGetList(resource, {
    pagination: { page: 1, perPage: 1 },
    sort: { field: 'createdAt', order: 'DESC' },
    filter,
  });
  const to = createPath({ resource, type: 'list' });
  return (
    <Card sx={{ height: '100%' }}>
      <CardActionArea component={LinkBase} to={to} sx={{ height: '100%' }}>
        <CardContent sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
          <Box
            sx={{
              width: 48,
              height: 48,
              borderRadius: 3,
              display: 'grid',
              placeItems: 'center',
              bgcolor: 'rgba(15, 124, 116, 0.1)',
              color: 'primary.main',
            }}
          >
            {icon}
          </Box>
          <Box>
            <Typography variant="body2" color="text.secondary">
              {label}
            </Typography>
            {isPending ? (
              <Skeleton width={48} height={40} />
            ) : (
              <Typography variant="h4" component="p" data-testid={`count-${resource}`}>
                {error ? '—' : (total ?? 0).toLocaleString()}
              </Typography>
            )}
          </Box>
        </CardContent>
      </CardActionArea>
    </Card>
  );
};
