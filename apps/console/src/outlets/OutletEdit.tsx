import {
  BooleanInput,
  Edit,
  SimpleForm,
  TextInput,
  required,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Typography } from '@mui/material';
import type { Outlet } from '../api/types';
import { pick } from '../common/validators';

const Identity = () => {
  const record = useRecordContext<Outlet>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Typography variant="body2" color="text.secondary" sx={{ mb: 1, fontFamily: 'monospace' }}>
      {translate('conduit.outlets.identity', {
        merchantId: record.merchantId,
        storeId: record.storeId,
        terminalId: record.terminalId,
      })}
    </Typography>
  );
};

export const OutletEdit = () => (
  <Edit<Outlet> title="conduit.outlets.edit" mutationMode="pessimistic" transform={pick('name', 'active')}>
    <SimpleForm sx={{ maxWidth: 560 }}>
      <Identity />
      <TextInput source="name" validate={required()} />
      <BooleanInput source="active" helperText="conduit.outlets.help.active" />
    </SimpleForm>
  </Edit>
);
