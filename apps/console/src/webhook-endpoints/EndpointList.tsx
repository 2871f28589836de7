import {
  BooleanField,
  Datagrid,
  DateField,
  List,
  ReferenceInput,
  AutocompleteInput,
  SelectInput,
  TextField,
  TextInput,
} from 'react-admin';
import { ChipListField } from '../common/fields';

const filters = [
  <TextInput key="q" source="q" label="URL contains" alwaysOn />,
  <ReferenceInput
    sort={{ field: 'name', order: 'ASC' }}
    key="merchantId"
    source="merchantId"
    reference="merchants"
    alwaysOn
  >
    <AutocompleteInput label="Merchant" />
  </ReferenceInput>,
  <SelectInput
    key="enabled"
    source="enabled"
    choices={[
      { id: 'true', name: 'Enabled' },
      { id: 'false', name: 'Disabled' },
    ]}
  />,
];

export const EndpointList = () => (
  <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField sortable={false} source="merchantId" label="Merchant" />
      <TextField source="url" label="URL" />
      <TextField source="format" />
      <TextField sortable={false} source="authType" label="Auth" />
      <ChipListField sortable={false} source="events" emptyText="All events" />
      <DateField
        sortable={false}
        source="clientCertificateExpiresAt"
        label="Certificate expires"
        emptyText="—"
      />
      <BooleanField source="enabled" />
    </Datagrid>
  </List>
);
