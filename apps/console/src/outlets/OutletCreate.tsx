import { AutocompleteInput, Create, ReferenceInput, SimpleForm, TextInput, required } from 'react-admin';
import { Stack } from '@mui/material';
import type { Outlet } from '../api/types';
import { threeDigits } from '../common/validators';

const digits = { htmlInput: { inputMode: 'numeric' as const, maxLength: 3 } };

export const OutletCreate = () => (
  <Create<Outlet> title="conduit.outlets.new" redirect="show">
    <SimpleForm sx={{ maxWidth: 560 }}>
      <ReferenceInput sort={{ field: 'name', order: 'ASC' }} source="merchantId" reference="merchants">
        <AutocompleteInput validate={required()} />
      </ReferenceInput>
      <Stack direction="row" spacing={2} sx={{ width: '100%' }}>
        <TextInput
          source="storeId"
          validate={[required(), threeDigits]}
          slotProps={digits}
          helperText="conduit.outlets.help.store_id"
        />
        <TextInput
          source="terminalId"
          validate={[required(), threeDigits]}
          slotProps={digits}
          helperText="conduit.outlets.help.terminal_id"
        />
      </Stack>
      <TextInput source="name" validate={required()} helperText="conduit.outlets.help.name" />
    </SimpleForm>
  </Create>
);
