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
      label="conduit.common.inputs.time_zone"
      choices={choices}
      validate={required()}
      helperText="conduit.common.inputs.time_zone_help"
    />
  );
};

export const SettlementCutoffInput = () => (
  <TextInput
    source="settlementCutoff"
    label="conduit.common.inputs.settlement_cutoff"
    type="time"
    validate={[required(), cutoffFormat]}
    helperText="conduit.common.inputs.settlement_cutoff_help"
    slotProps={{ inputLabel: { shrink: true } }}
  />
);

export const FrameOriginsInput = () => (
  <TextArrayInput
    source="allowedFrameOrigins"
    label="conduit.common.inputs.frame_origins"
    helperText="conduit.common.inputs.frame_origins_help"
  />
);

export const IpAllowlistInput = ({ helperText }: { helperText?: string }) => (
  <TextArrayInput
    source="ipAllowlist"
    label="conduit.common.inputs.ip_allowlist"
    validate={cidrList as Validator}
    helperText={helperText ?? 'conduit.common.inputs.ip_allowlist_help'}
  />
);

export const Era835Input = () => (
  <BooleanInput
    source="era835Enabled"
    label="conduit.common.inputs.era835"
    helperText="conduit.common.inputs.era835_help"
  />
);
