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
  <TextInput key="q" source="q" label="conduit.webhook_endpoints.url_contains" alwaysOn />,
  <ReferenceInput
    sort={{ field: 'name', order: 'ASC' }}
    key="merchantId"
    source="merchantId"
    reference="merchants"
    alwaysOn
  >
    <AutocompleteInput />
  </ReferenceInput>,
  <SelectInput
    key="enabled"
    source="enabled"
    choices={[
      { id: 'true', name: 'conduit.states.enabled' },
      { id: 'false', name: 'conduit.states.disabled' },
    ]}
  />,
];

export const EndpointList = () => (
  <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField sortable={false} source="merchantId" />
      <TextField source="url" />
      <TextField source="format" />
      <TextField sortable={false} source="authType" label="conduit.webhook_endpoints.auth" />
      <ChipListField sortable={false} source="events" emptyText="conduit.webhook_endpoints.all_events" />
      <DateField
        sortable={false}
        source="clientCertificateExpiresAt"
        label="conduit.webhook_endpoints.certificate_expires"
        emptyText="—"
      />
      <BooleanField source="enabled" />
    </Datagrid>
  </List>
);
