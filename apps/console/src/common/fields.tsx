import { Box, Chip, Typography } from '@mui/material';
import { DateField, useFieldValue, useTranslate, type DateFieldProps } from 'react-admin';
import { formatBusinessDate } from './dates';
import { formatCents } from './money';

/** Components, not dateStyle/timeStyle: Intl refuses timeZoneName beside those. */
const DATE_TIME: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'short',
};

/**
 * "Mar 4, 2025, 2:07 PM CST": in `timeZone` (a merchant's) or else the browser's, always naming
 * the zone so nobody has to guess; an em dash when empty.
 */
export const DateTimeField = ({
  emptyText = '—',
  timeZone,
  options = DATE_TIME,
  ...props
}: DateFieldProps & { timeZone?: string }) => (
  <DateField showTime options={{ ...options, timeZone }} emptyText={emptyText} {...props} />
);

export interface SimpleFieldProps {
  source: string;
  label?: string;
  emptyText?: string;
  /** Read by Datagrid: false where the API cannot sort on `source`. */
  sortable?: boolean;
}

/** A string[] rendered as small chips (CIDRs, merchant ids, IPs). */
export const ChipListField = ({ source, emptyText = 'conduit.common.none' }: SimpleFieldProps) => {
  const value: unknown = useFieldValue({ source });
  const translate = useTranslate();
  const items = Array.isArray(value) ? value.map(String) : [];
  if (items.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate(emptyText, { _: emptyText })}
      </Typography>
    );
  }
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
      {items.map((item) => (
        <Chip key={item} label={item} size="small" variant="outlined" sx={{ fontFamily: 'monospace' }} />
      ))}
    </Box>
  );
};

export interface StatusChipFieldProps {
  source: string;
  label?: string;
  /** Value → [label (an i18n key or text), colour]. */
  states: Record<string, [string, 'success' | 'default' | 'warning' | 'error' | 'info']>;
}

export const StatusChipField = ({ source, states }: StatusChipFieldProps) => {
  const value: unknown = useFieldValue({ source });
  const translate = useTranslate();
  const [text, color] = states[String(value)] ?? [String(value ?? '—'), 'default'];
  return (
    <Chip
      size="small"
      label={translate(text, { _: text })}
      color={color}
      variant={color === 'default' ? 'outlined' : 'filled'}
    />
  );
};

export const ACTIVE_STATES: StatusChipFieldProps['states'] = {
  true: ['conduit.states.active', 'success'],
  false: ['conduit.states.inactive', 'default'],
};

export const ENABLED_STATES: StatusChipFieldProps['states'] = {
  true: ['conduit.states.enabled', 'success'],
  false: ['conduit.states.disabled', 'default'],
};

/** Monospace text for identifiers (merchant ids, keys, fingerprints). */
export const MonoField = ({ source, emptyText = '—' }: SimpleFieldProps) => {
  const value: unknown = useFieldValue({ source });
  return (
    <Typography component="span" variant="body2" sx={{ fontFamily: 'monospace', letterSpacing: '0.02em' }}>
      {value === null || value === undefined || value === '' ? emptyText : String(value)}
    </Typography>
  );
};

/** Integer cents as US dollars, negatives as "−$25.00", in tabular figures for money columns. */
export const CentsField = ({ source, emptyText = '—' }: SimpleFieldProps) => {
  const value: unknown = useFieldValue({ source });
  const cents = typeof value === 'number' ? value : null;
  return (
    <Typography
      component="span"
      variant="body2"
      sx={{
        fontVariantNumeric: 'tabular-nums',
        whiteSpace: 'nowrap',
        color: cents !== null && cents < 0 ? 'error.main' : undefined,
      }}
    >
      {cents === null ? emptyText : formatCents(cents)}
    </Typography>
  );
};

/** A plain calendar date (business date, deposit date), never shifted by the browser's time zone. */
export const BusinessDateField = ({ source, emptyText = '—' }: SimpleFieldProps) => {
  const value: unknown = useFieldValue({ source });
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
      {typeof value === 'string' && value ? formatBusinessDate(value) : emptyText}
    </Typography>
  );
};
