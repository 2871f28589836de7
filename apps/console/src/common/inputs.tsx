import { useMemo } from 'react';
import {
  AutocompleteInput,
  BooleanInput,
  TextArrayInput,
  TextInput,
  required,
  useRecordContext,
  type Validator,
} from 'react-admin';
import { cidrList, cutoffFormat } from './validators';

const FALLBACK_ZONES = [
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Phoenix',
  'America/Los_Angeles',
  'America/Anchorage',
  'Pacific/Honolulu',
  'UTC',
];

const timeZones = (): string[] => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return FALLBACK_ZONES;
  }
};

export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** IANA time zone picker (America/New_York, …). */
export const TimeZoneInput = ({ source = 'timeZone' }: { source?: string }) => {
  const record = useRecordContext();
  const current: unknown = record?.[source];
  const choices = useMemo(() => {
    // supportedValuesOf lists canonical zones only: keep UTC, the browser's zone and the saved value selectable.
    const extra = ['UTC', browserTimeZone(), typeof current === 'string' ? current : ''].filter(Boolean);
    const zones = Array.from(new Set([...timeZones(), ...extra])).sort();
    return zones.map((zone) => ({ id: zone, name: zone.replace(/_/g, ' ') }));
  }, [current]);
  return (
    <AutocompleteInput
      source={source}
      label="Time zone"
      choices={choices}
      validate={required()}
      helperText="Business days and settlement cutoffs follow this time zone"
    />
  );
};

export const SettlementCutoffInput = () => (
  <TextInput
    source="settlementCutoff"
    label="Settlement cutoff"
    type="time"
    validate={[required(), cutoffFormat]}
    helperText="Daily batch close, 24-hour HH:MM in the merchant's time zone"
    slotProps={{ inputLabel: { shrink: true } }}
  />
);

export const FrameOriginsInput = () => (
  <TextArrayInput
    source="allowedFrameOrigins"
    label="Origins allowed to embed the hosted payment page"
    helperText="Press Enter after each origin, e.g. https://portal.example.com. Empty = not embeddable."
  />
);

export const IpAllowlistInput = ({ helperText }: { helperText?: string }) => (
  <TextArrayInput
    source="ipAllowlist"
    label="IP allowlist"
    validate={cidrList as Validator}
    helperText={
      helperText ??
      'Press Enter after each IPv4/IPv6 address or CIDR range, e.g. 203.0.113.0/24. Empty = any address.'
    }
  />
);

export const Era835Input = () => (
  <BooleanInput
    source="era835Enabled"
    label="Also produce an X12 835 (ERA)"
    helperText="Each closed batch then yields an 835 remittance file beside the posting file, for the practice management system."
  />
);
