import { Fragment, type ReactNode } from 'react';
import { Box, Card, CardContent, CardHeader, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

export interface PanelProps {
  /** An i18n key (en.ts). */
  title: string;
  /** An i18n key, or a node already translated. */
  subheader?: ReactNode;
  action?: ReactNode;
  children: ReactNode;
}

/** A titled card on the transaction page. */
export const Panel = ({ title, subheader, action, children }: PanelProps) => {
  const translate = useTranslate();
  return (
    <Card sx={{ height: '100%' }}>
      <CardHeader
        title={translate(title)}
        subheader={typeof subheader === 'string' ? translate(subheader) : subheader}
        action={action}
        slotProps={{ title: { variant: 'h6' } }}
        sx={{ pb: 1, '& .MuiCardHeader-action': { alignSelf: 'center', m: 0 } }}
      />
      <CardContent sx={{ pt: 0 }}>{children}</CardContent>
    </Card>
  );
};

export interface Fact {
  /** An i18n key (en.ts), or a label already translated. */
  label: string;
  value: ReactNode;
  mono?: boolean;
}

const isEmpty = (value: ReactNode) => value === null || value === undefined || value === '';

/** Label / value pairs; empty values show an em dash. */
export const Facts = ({ items }: { items: Fact[] }) => {
  const translate = useTranslate();
  return (
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
            {translate(label, { _: label })}
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
};

/** `text` is an i18n key (en.ts). */
export const Nothing = ({ text }: { text: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary" sx={{ py: 1 }}>
      {translate(text)}
    </Typography>
  );
};
