import { AutocompleteInput, Create, ReferenceInput, SimpleForm, TextInput, required } from 'react-admin';
import { Stack } from '@mui/material';
import type { Outlet } from '../api/types';
import { threeDigits } from '../common/validators';

const digits = { htmlInput: { inputMode: 'numeric' as const, maxLength: 3 } };

export const OutletCreate = () => (
  <Create<Outlet> title="New outlet" redirect="show">
    <SimpleForm sx={{ maxWidth: 560 }}>
      <ReferenceInput sort={{ field: 'name', order: 'ASC' }} source="merchantId" reference="merchants">
        <AutocompleteInput label="Merchant" validate={required()} />
      </ReferenceInput>
      <Stack direction="row" spacing={2} sx={{ width: '100%' }}>
        <TextInput
          source="storeId"
          label="Store ID"
          validate={[required(), threeDigits]}
          slotProps={digits}
          helperText="3 digits, e.g. 001"
        />
        <TextInput
          source="terminalId"
          label="Terminal ID"
          validate={[required(), threeDigits]}
          slotProps={digits}
          helperText="3 digits, e.g. 002"
        />
      </Stack>
      <TextInput source="name" validate={required()} helperText="e.g. Front desk" />
    </SimpleForm>
  </Create>
);
