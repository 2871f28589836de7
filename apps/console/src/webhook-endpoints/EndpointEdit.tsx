import { Edit, useRecordContext } from 'react-admin';
import type { WebhookEndpoint } from '../api/webhookTypes';
import { EndpointForm, endpointBody } from './EndpointForm';

const FormWithRecord = () => {
  const record = useRecordContext<WebhookEndpoint>();
  return <EndpointForm record={record} />;
};

export const EndpointEdit = () => (
  <Edit<WebhookEndpoint> mutationMode="pessimistic" transform={endpointBody}>
    <FormWithRecord />
  </Edit>
);
