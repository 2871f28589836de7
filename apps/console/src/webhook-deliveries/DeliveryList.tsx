import {
  DateInput,
  Datagrid,
  FunctionField,
  List,
  NumberField,
  SelectInput,
  TextField,
  TextInput,
  TopToolbar,
} from 'react-admin';
import { EVENT_TYPES, type WebhookDeliveryRecord } from '../api/webhookTypes';
import { DateTimeField, MonoField, StatusChipField } from '../common/fields';
import { WORKFLOW_STATES } from '../transactions/constants';
import { ResendAllButton } from './ResendButtons';

const STATUS_CHOICES = Object.entries(WORKFLOW_STATES).map(([id, [name]]) => ({ id, name }));

const filters = [
  <SelectInput
    key="workflowStatus"
    source="workflowStatus"
    label="Workflow status"
    choices={STATUS_CHOICES}
    alwaysOn
  />,
  <SelectInput key="eventType" source="eventType" choices={EVENT_TYPES.map((id) => ({ id, name: id }))} />,
  <TextInput key="transactionId" source="transactionId" label="Transaction ID" />,
  <TextInput key="endpointId" source="endpointId" label="Endpoint ID" />,
  <TextInput key="merchantId" source="merchantId" label="MerchantID" />,
  <DateInput key="createdFrom" source="createdFrom" label="From" />,
  <DateInput key="createdTo" source="createdTo" label="To" />,
];

const Actions = () => (
  <TopToolbar>
    <ResendAllButton />
  </TopToolbar>
);

export const DeliveryList = () => (
  <List filters={filters} actions={<Actions />} sort={{ field: 'createdAt', order: 'DESC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <DateTimeField source="createdAt" label="Created" />
      <TextField source="eventType" label="Event" />
      <MonoField sortable={false} source="webhookId" label="webhook-id" />
      <TextField sortable={false} source="endpointUrl" label="Endpoint" />
      <MonoField sortable={false} source="transactionId" label="Transaction" />
      <StatusChipField source="workflowStatus" states={WORKFLOW_STATES} />
      <NumberField sortable={false} source="attemptCount" label="Attempts" />
      <FunctionField<WebhookDeliveryRecord>
        label="Posting message"
        render={(r) =>
          r.postingMessage && r.postingMessage.length > 80
            ? `${r.postingMessage.slice(0, 80)}…`
            : (r.postingMessage ?? '—')
        }
      />
    </Datagrid>
  </List>
);
