import {
  BooleanInput,
  Edit,
  ShowButton,
  SimpleForm,
  TextInput,
  TopToolbar,
  useRecordContext,
} from 'react-admin';
import { Typography } from '@mui/material';
import type { Credential } from '../api/types';
import { Interpolated } from '../common/Interpolated';
import { pick } from '../common/validators';
import { MerchantIdsInput } from './MerchantIdsInput';
import { RotateButton } from './RotateButton';

const Actions = () => (
  <TopToolbar>
    <RotateButton />
    <ShowButton />
  </TopToolbar>
);

const Identifier = () => {
  const record = useRecordContext<Credential>();
  return (
    <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
      <Interpolated
        message="conduit.credentials.identifier_note"
        slot={<strong style={{ fontFamily: 'monospace' }}>{record?.identifier}</strong>}
      />
    </Typography>
  );
};

export const CredentialEdit = () => (
  <Edit<Credential>
    title="conduit.credentials.edit"
    actions={<Actions />}
    mutationMode="pessimistic"
    transform={pick('description', 'enabled', 'merchantIds')}
    redirect="show"
  >
    <SimpleForm sx={{ maxWidth: 640 }}>
      <Identifier />
      <TextInput source="description" multiline minRows={2} />
      <BooleanInput source="enabled" helperText="conduit.credentials.help.enabled" />
      <MerchantIdsInput />
    </SimpleForm>
  </Edit>
);
