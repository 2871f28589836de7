import { Box, Chip, Typography } from '@mui/material';
import OnlineIcon from '@mui/icons-material/WifiTethering';
import OfflineIcon from '@mui/icons-material/WifiTetheringOff';
import { useRecordContext, useTranslate } from 'react-admin';
import type { Terminal } from '../api/terminalTypes';
import { DateTimeField } from '../common/fields';
import { useMerchantTimeZone, zoneAbbreviation } from '../common/timeZones';
import { formatMoney } from '../transactions/format';
import { actionStateLabel } from './constants';
import { timeAgo } from './format';

const mono = { fontFamily: 'monospace', letterSpacing: '0.02em' };

/** What SimpleShowLayout and DataTable read to label a field (`resources.terminals.fields.<source>`). */
interface LayoutProps {
  source?: string;
  label?: string;
}

const Dash = () => (
  <Typography component="span" variant="body2" color="text.secondary">
    —
  </Typography>
);

/** "Online" / "Offline" in words and with different icons, so colour is never the only signal. */
export const OnlineField = (_props: LayoutProps) => {
  const record = useRecordContext<Terminal>();
  const translate = useTranslate();
  if (!record) return null;
  const online = record.online;
  return (
    <Chip
      size="small"
      data-testid="terminal-online"
      icon={online ? <OnlineIcon /> : <OfflineIcon />}
      label={translate(online ? 'conduit.terminals.online' : 'conduit.terminals.offline')}
      color={online ? 'success' : 'default'}
      variant={online ? 'filled' : 'outlined'}
    />
  );
};

/**
 * When the terminal was last connected: "3 minutes ago" over the date and time in the merchant's
 * time zone (named), the full date on hover.
 */
export const LastSeenField = (_props: LayoutProps) => {
  const record = useRecordContext<Terminal>();
  const translate = useTranslate();
  const timeZone = useMerchantTimeZone(record?.merchantId);
  const seen = record?.lastSeenAt ? new Date(record.lastSeenAt) : null;
  if (!seen || Number.isNaN(seen.getTime())) {
    return (
      <Typography component="span" variant="body2" color="text.secondary">
        {translate('conduit.terminals.never_seen')}
      </Typography>
    );
  }
  const absolute = new Intl.DateTimeFormat(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(seen);
  const full = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'long', timeZone }).format(
    seen,
  );
  return (
    <Box sx={{ whiteSpace: 'nowrap' }} title={`${full} (${timeZone})`} data-time-zone={timeZone}>
      <Typography variant="body2" data-testid="terminal-last-seen">
        {timeAgo(record?.lastSeenAt)}
      </Typography>
      <Typography variant="caption" color="text.secondary">
        {absolute} {zoneAbbreviation(seen, timeZone)}
      </Typography>
    </Box>
  );
};

/** The merchant's name over "MerchantID · store/terminal". */
export const TerminalOutletField = (_props: LayoutProps) => {
  const record = useRecordContext<Terminal>();
  if (!record) return null;
  return (
    <Box sx={{ whiteSpace: 'nowrap' }}>
      <Typography variant="body2">{record.merchantName}</Typography>
      <Typography variant="caption" color="text.secondary" sx={mono}>
        {record.merchantId} · {record.storeId}/{record.terminalId}
      </Typography>
    </Box>
  );
};

/** Model over serial number. */
export const ModelField = (_props: LayoutProps) => {
  const record = useRecordContext<Terminal>();
  if (!record?.model && !record?.serialNumber) return <Dash />;
  return (
    <Box>
      <Typography variant="body2">{record.model ?? '—'}</Typography>
      {record.serialNumber && (
        <Typography variant="caption" color="text.secondary" sx={mono}>
          {record.serialNumber}
        </Typography>
      )}
    </Box>
  );
};

/** "Sale $25.00 · In progress"-like: the open (or latest) action's amount and state. */
export const CurrentActionField = (_props: LayoutProps) => {
  const record = useRecordContext<Terminal>();
  const translate = useTranslate();
  const action = record?.currentAction;
  if (!action) return <Dash />;
  const state = actionStateLabel(action.state);
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
      {formatMoney(action.amount)} · {state ? translate(state) : action.state}
    </Typography>
  );
};

/** A date and time of the terminal's record in its merchant's time zone (named). */
export const MerchantDateTimeField = ({
  source,
}: {
  source: 'createdAt' | 'pairedAt' | 'lastSeenAt' | 'pairingCodeExpiresAt';
}) => {
  const record = useRecordContext<Terminal>();
  const timeZone = useMerchantTimeZone(record?.merchantId);
  return <DateTimeField source={source} timeZone={timeZone} />;
};
