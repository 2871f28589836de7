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
  <SelectInput key="workflowStatus" source="workflowStatus" choices={STATUS_CHOICES} alwaysOn />,
  <SelectInput key="eventType" source="eventType" choices={EVENT_TYPES.map((id) => ({ id, name: id }))} />,
  <TextInput key="transactionId" source="transactionId" label="conduit.transactions.facts.transaction_id" />,
  <TextInput key="endpointId" source="endpointId" label="conduit.webhook_deliveries.endpoint_id" />,
  <TextInput key="merchantId" source="merchantId" />,
  <DateInput key="createdFrom" source="createdFrom" label="conduit.transactions.labels.from" />,
  <DateInput key="createdTo" source="createdTo" label="conduit.transactions.labels.to" />,
];

const Actions = () => (
  <TopToolbar>
    <ResendAllButton />
  </TopToolbar>
);

export const DeliveryList = () => (
  <List filters={filters} actions={<Actions />} sort={{ field: 'createdAt', order: 'DESC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <DateTimeField source="createdAt" />
      <TextField source="eventType" />
      <MonoField sortable={false} source="webhookId" />
      <TextField sortable={false} source="endpointUrl" />
      <MonoField sortable={false} source="transactionId" />
      <StatusChipField source="workflowStatus" states={WORKFLOW_STATES} />
      <NumberField sortable={false} source="attemptCount" label="conduit.webhook_deliveries.attempts" />
      <FunctionField<WebhookDeliveryRecord>
        source="postingMessage"
        sortable={false}
        render={(r) =>
          r.postingMessage && r.postingMessage.length > 80
            ? `${r.postingMessage.slice(0, 80)}…`
            : (r.postingMessage ?? '—')
        }
      />
    </Datagrid>
  </List>
);
