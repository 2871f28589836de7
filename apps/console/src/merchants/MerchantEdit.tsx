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
  useTranslate,
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
import { Interpolated } from '../common/Interpolated';
import { pick } from '../common/validators';
import { MERCHANT_STATUS_CHOICES } from './constants';

const EditTitle = () => {
  const record = useRecordContext<Merchant>();
  const translate = useTranslate();
  return (
    <>
      {record
        ? translate('conduit.merchants.edit_named', { name: record.name })
        : translate('conduit.merchants.edit')}
    </>
  );
};

const MerchantIdNote = () => {
  const record = useRecordContext<Merchant>();
  return (
    <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
      <Interpolated
        message="conduit.merchants.merchant_id_fixed"
        slot={<strong style={{ fontFamily: 'monospace' }}>{record?.merchantId}</strong>}
      />
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
  // A compatibility switch for the merchant's own NVP senders, not a risk control.
  'ignoreUnknownNvpFields',
] as const;
/** The platform's risk controls (decision 0020): only a platform admin sees or sends them. */
const riskFields = ['status', 'allowUnreferencedRefunds', 'maxTransactionAmount'] as const;
const practiceWritable = pick(...practiceFields);
const platformWritable = pick(...practiceFields, ...riskFields);

/** "1,3,5": strictly increasing days from 1 to 30; the API checks the same rule. */
const retryDaysFormat = regex(
  /^\s*(\d{1,2}\s*(,\s*\d{1,2}\s*)*)?$/,
  'conduit.merchants.validation.retry_days',
);
const retryDaysText = (v: unknown) => (Array.isArray(v) ? v.join(',') : ((v as string | undefined) ?? ''));

const amountFormat = regex(/^\d{1,8}(\.\d{1,2})?$/, 'conduit.merchants.validation.amount');

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
          helperText="conduit.merchants.help.plan_charge_hour"
          min={0}
          max={23}
          step={1}
          validate={[required(), minValue(0), maxValue(23)]}
        />
        <TextInput
          source="planRetryDays"
          helperText="conduit.merchants.help.plan_retry_days"
          format={retryDaysText}
          parse={(v: string) => v}
          validate={retryDaysFormat}
        />
        <BooleanInput
          source="ignoreUnknownNvpFields"
          helperText="conduit.merchants.help.ignore_unknown_nvp_fields"
        />
        {platform && (
          <>
            <SelectInput source="status" choices={MERCHANT_STATUS_CHOICES} validate={required()} />
            <BooleanInput
              source="allowUnreferencedRefunds"
              helperText="conduit.merchants.help.allow_unreferenced_refunds"
            />
            <TextInput
              source="maxTransactionAmount"
              validate={[required(), amountFormat]}
              helperText="conduit.merchants.help.max_transaction_amount"
              slotProps={{ htmlInput: { inputMode: 'decimal' } }}
            />
          </>
        )}
      </SimpleForm>
    </Edit>
  );
};
