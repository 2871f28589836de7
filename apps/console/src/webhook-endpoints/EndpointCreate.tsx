import { useState } from 'react';
import { Create, useRedirect } from 'react-admin';
import type { WebhookEndpointWithSecret } from '../api/webhookTypes';
import { SecretDialog } from '../common/SecretDialog';
import { EndpointForm, endpointBody } from './EndpointForm';

export const EndpointCreate = () => {
  const redirect = useRedirect();
  const [issued, setIssued] = useState<WebhookEndpointWithSecret | null>(null);
  return (
    <>
      <Create<WebhookEndpointWithSecret>
        title="conduit.webhook_endpoints.new"
        transform={endpointBody}
        mutationOptions={{ onSuccess: (record) => setIssued(record) }}
      >
        <EndpointForm />
      </Create>
      {issued && (
        <SecretDialog
          open
          title="conduit.webhook_endpoints.created"
          identifier={issued.url}
          secret={issued.signingSecret}
          onClose={() => {
            const id = issued.id;
            setIssued(null);
            redirect('show', 'webhook-endpoints', id);
          }}
        />
      )}
    </>
  );
};
