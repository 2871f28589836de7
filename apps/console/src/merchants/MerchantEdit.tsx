import {
  BooleanInput,
  Edit,
  SelectInput,
  SimpleForm,
  TextInput,
  regex,
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
] as const;
/** The platform's risk controls (decision 0020): only a platform admin sees or sends them. */
const riskFields = ['status', 'allowUnreferencedRefunds', 'maxTransactionAmount'] as const;
const practiceWritable = pick(...practiceFields);
const platformWritable = pick(...practiceFields, ...riskFields);

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
