import {
  BooleanInput,
  Edit,
  SelectInput,
  SimpleForm,
  TextInput,
  required,
  useRecordContext,
} from 'react-admin';
import { Typography } from '@mui/material';
import type { Merchant } from '../api/types';
import { FrameOriginsInput, IpAllowlistInput, SettlementCutoffInput, TimeZoneInput } from '../common/inputs';
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

const writable = pick(
  'name',
  'timeZone',
  'settlementCutoff',
  'status',
  'ipAllowlist',
  'allowUnreferencedRefunds',
  'allowedFrameOrigins',
);

export const MerchantEdit = () => (
  <Edit<Merchant> title={<EditTitle />} mutationMode="pessimistic" transform={writable}>
    <SimpleForm sx={{ maxWidth: 640 }}>
      <MerchantIdNote />
      <TextInput source="name" validate={required()} />
      <TimeZoneInput />
      <SettlementCutoffInput />
      <SelectInput source="status" choices={MERCHANT_STATUS_CHOICES} validate={required()} />
      <IpAllowlistInput />
      <FrameOriginsInput />
      <BooleanInput
        source="allowUnreferencedRefunds"
        label="Allow unreferenced refunds"
        helperText="Lets this merchant refund without pointing at an original sale. Leave off unless finance asked for it."
      />
    </SimpleForm>
  </Edit>
);
