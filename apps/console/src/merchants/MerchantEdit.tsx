import {
  BooleanInput,
  Edit,
  NumberInput,
  SelectInput,
  SimpleForm,
  TextInput,
  regex,
  maxValue,
  minValue,
  required,
  usePermissions,
  useRecordContext,
} from 'react-admin';
import { Typography } from '@mui/material';
import type { Merchant } from '../api/types';
import {
  Era835Input,
  FrameOriginsInput,
  IpAllowlistInput,
  SettlementCutoffInput,
  TimeZoneInput,
} from '../common/inputs';
import { pick } from '../common/validators';
import { MERCHANT_STATUS_CHOICES } from './constants';

const EditTitle = () => {
  const record = useRecordContext<Merchant>();
  return <>{record ? `Edit ${record.name}` : 'Edit merchant'}</>;
};

const MerchantIdNote = () => {
  const record = useRecordContext<Merchant>();
  return (
    <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
      MerchantID <strong style={{ fontFamily: 'monospace' }}>{record?.merchantId}</strong> cannot be changed.
    </Typography>
  );
};

const practiceFields = [
  'name',
  'timeZone',
  'settlementCutoff',
  'ipAllowlist',
  'allowedFrameOrigins',
  'era835Enabled',
  'planChargeHour',
  'planRetryDays',
] as const;
/** The platform's risk controls (decision 0020): only a platform admin sees or sends them. */
const riskFields = ['status', 'allowUnreferencedRefunds', 'maxTransactionAmount'] as const;
const practiceWritable = pick(...practiceFields);
const platformWritable = pick(...practiceFields, ...riskFields);

/** "1,3,5": strictly increasing days from 1 to 30; the API checks the same rule. */
const retryDaysFormat = regex(
  /^\s*(\d{1,2}\s*(,\s*\d{1,2}\s*)*)?$/,
  'Use days separated by commas, e.g. 1,3,5',
);
const retryDaysText = (v: unknown) => (Array.isArray(v) ? v.join(',') : ((v as string | undefined) ?? ''));

const amountFormat = regex(/^\d{1,8}(\.\d{1,2})?$/, 'Use a decimal amount, e.g. 99999.99');

export const MerchantEdit = () => {
  const { permissions } = usePermissions<string>();
  const platform = permissions === 'PLATFORM_ADMIN';
  return (
    <Edit<Merchant>
      title={<EditTitle />}
      mutationMode="pessimistic"
      transform={platform ? platformWritable : practiceWritable}
    >
      <SimpleForm sx={{ maxWidth: 640 }}>
        <MerchantIdNote />
        <TextInput source="name" validate={required()} />
        <TimeZoneInput />
        <SettlementCutoffInput />
        <IpAllowlistInput />
        <FrameOriginsInput />
        <Era835Input />
        <NumberInput
          source="planChargeHour"
          label="Payment plan charge hour"
          helperText="The merchant-local hour (0–23) at which the day's plan charges run"
          min={0}
          max={23}
          step={1}
          validate={[required(), minValue(0), maxValue(23)]}
        />
        <TextInput
          source="planRetryDays"
          label="Payment plan retry days"
          helperText="Days after a soft decline to retry, e.g. 1,3,5 (empty: no retries)"
          format={retryDaysText}
          parse={(v: string) => v}
          validate={retryDaysFormat}
        />
        {platform && (
          <>
            <SelectInput source="status" choices={MERCHANT_STATUS_CHOICES} validate={required()} />
            <BooleanInput
              source="allowUnreferencedRefunds"
              label="Allow unreferenced refunds"
              helperText="Lets this merchant refund to any card without pointing at an original sale."
            />
            <TextInput
              source="maxTransactionAmount"
              label="Per-transaction limit"
              validate={[required(), amountFormat]}
              helperText="The largest amount one sale, authorization or refund may carry, e.g. 99999.99"
              slotProps={{ htmlInput: { inputMode: 'decimal' } }}
            />
          </>
        )}
      </SimpleForm>
    </Edit>
  );
};
