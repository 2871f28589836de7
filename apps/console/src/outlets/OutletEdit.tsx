import { BooleanInput, Edit, SimpleForm, TextInput, required, useRecordContext } from 'react-admin';
import { Typography } from '@mui/material';
import type { Outlet } from '../api/types';
import { pick } from '../common/validators';

const Identity = () => {
  const record = useRecordContext<Outlet>();
  if (!record) return null;
  return (
    <Typography variant="body2" color="text.secondary" sx={{ mb: 1, fontFamily: 'monospace' }}>
      MerchantID {record.merchantId} · Store {record.storeId} · Terminal {record.terminalId}
    </Typography>
  );
};

export const OutletEdit = () => (
  <Edit<Outlet> title="Edit outlet" mutationMode="pessimistic" transform={pick('name', 'active')}>
    <SimpleForm sx={{ maxWidth: 560 }}>
      <Identity />
      <TextInput source="name" validate={required()} />
      <BooleanInput source="active" helperText="Inactive outlets decline new transactions" />
    </SimpleForm>
  </Edit>
);
