import { Fragment, type ReactNode } from 'react';
import { Box, Card, CardContent, CardHeader, Typography } from '@mui/material';

export interface PanelProps {
  title: string;
  subheader?: ReactNode;
  action?: ReactNode;
  children: ReactNode;
}

/** A titled card on the transaction page. */
export const Panel = ({ title, subheader, action, children }: PanelProps) => (
  <Card sx={{ height: '100%' }}>
    <CardHeader
      title={title}
      subheader={subheader}
      action={action}
      slotProps={{ title: { variant: 'h6' } }}
      sx={{ pb: 1, '& .MuiCardHeader-action': { alignSelf: 'center', m: 0 } }}
    />
    <CardContent sx={{ pt: 0 }}>{children}</CardContent>
  </Card>
);

export interface Fact {
  label: string;
  value: ReactNode;
  mono?: boolean;
}

const isEmpty = (value: ReactNode) => value === null || value === undefined || value === '';

/** Label / value pairs; empty values show an em dash. */
export const Facts = ({ items }: { items: Fact[] }) => (
  <Box
    component="dl"
    sx={{
      m: 0,
      display: 'grid',
      gridTemplateColumns: 'minmax(120px, max-content) 1fr',
      columnGap: 2,
      rowGap: 1,
      alignItems: 'baseline',
    }}
  >
    {items.map(({ label, value, mono }) => (
      <Fragment key={label}>
        <Typography component="dt" variant="body2" color="text.secondary">
          {label}
        </Typography>
        <Typography
          component="dd"
          variant="body2"
          sx={{ m: 0, wordBreak: 'break-word', fontFamily: mono ? 'monospace' : undefined }}
        >
          {isEmpty(value) ? '—' : value}
        </Typography>
      </Fragment>
    ))}
  </Box>
);

export const Nothing = ({ text }: { text: string }) => (
  <Typography variant="body2" color="text.secondary" sx={{ py: 1 }}>
    {text}
  </Typography>
);
