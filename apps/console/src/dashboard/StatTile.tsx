import type { ReactNode } from 'react';
import { Box, Card, CardActionArea, CardContent, Skeleton, Typography } from '@mui/material';
import { LinkBase, useTranslate } from 'react-admin';

export interface StatTileProps {
  /** An i18n key (en.ts), or a label already in words. */
  label: string;
  icon: ReactNode;
  value: ReactNode;
  isPending?: boolean;
  /** A small line under the value. */
  caption?: ReactNode;
  /** Makes the whole tile a link. */
  to?: string;
  testId?: string;
}

const Content = ({ label, icon, value, isPending, caption, testId }: Omit<StatTileProps, 'to'>) => {
  const translate = useTranslate();
  return (
    <CardContent sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
      <Box
        sx={{
          width: 48,
          height: 48,
          flexShrink: 0,
          borderRadius: 3,
          display: 'grid',
          placeItems: 'center',
          bgcolor: 'rgba(15, 124, 116, 0.1)',
          color: 'primary.main',
        }}
      >
        {icon}
      </Box>
      <Box sx={{ minWidth: 0 }}>
        <Typography variant="body2" color="text.secondary">
          {translate(label, { _: label })}
        </Typography>
        {isPending ? (
          <Skeleton width={64} height={40} />
        ) : (
          <Typography variant="h4" component="p" data-testid={testId} noWrap>
            {value}
          </Typography>
        )}
        {caption && !isPending && (
          <Typography variant="caption" color="text.secondary" component="p" noWrap>
            {caption}
          </Typography>
        )}
      </Box>
    </CardContent>
  );
};

/** One number with its icon: the dashboard's counts and today's figures. */
export const StatTile = ({ to, ...props }: StatTileProps) => (
  <Card sx={{ height: '100%' }}>
    {to ? (
      <CardActionArea component={LinkBase} to={to} sx={{ height: '100%' }}>
        <Content {...props} />
      </CardActionArea>
    ) : (
      <Content {...props} />
    )}
  </Card>
);
