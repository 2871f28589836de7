import { useState } from 'react';
import AutorenewIcon from '@mui/icons-material/Autorenew';
import { useMutation } from '@tanstack/react-query';
import {
  BooleanField,
  Button,
  DateField,
  EditButton,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
} from 'react-admin';
import type { ConduitDataProvider } from '../api/dataProvider';
import type { WebhookEndpoint, WebhookEndpointWithSecret } from '../api/webhookTypes';
import { ChipListField, MonoField } from '../common/fields';
import { SecretDialog } from '../common/SecretDialog';
import { HealthCard } from './HealthCard';
import { TestWizard } from './TestWizard';

const RotateSecretButton = () => {
  const record = useRecordContext<WebhookEndpoint>();
  const { canAccess } = useCanAccess({ resource: 'webhook-endpoints', action: 'edit', record });
  const dataProvider = useDataProvider<ConduitDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [issued, setIssued] = useState<WebhookEndpointWithSecret | null>(null);
  const rotate = useMutation<WebhookEndpointWithSecret, Error>({
    mutationFn: () => dataProvider.rotateWebhookSecret(String(record?.id)),
    onSuccess: setIssued,
    onError: (e) => notify(e.message || 'Rotation failed', { type: 'error' }),
  });
  if (!record || !canAccess) return null;
  return (
    <>
      <Button
        label="Rotate signing secret"
        disabled={rotate.isPending}
        onClick={() =>
          window.confirm('Issue a new signing secret? The current one keeps signing for 24 hours.') &&
          rotate.mutate()
        }
      >
        <AutorenewIcon />
      </Button>
      {issued && (
        <SecretDialog
          open
          title="New signing secret"
          identifier={issued.url}
          secret={issued.signingSecret}
          onClose={() => {
            setIssued(null);
            refresh();
          }}
        />
      )}
    </>
  );
};

const Actions = () => (
  <TopToolbar>
    <TestWizard />
    <RotateSecretButton />
    <EditButton />
  </TopToolbar>
);

export const EndpointShow = () => (
  <Show<WebhookEndpoint> actions={<Actions />} aside={undefined}>
    <SimpleShowLayout>
      <HealthCard />
      <TextField source="merchantId" label="Merchant" />
      <MonoField source="url" label="URL" />
      <TextField source="format" />
      <ChipListField source="events" emptyText="All events" />
      <BooleanField source="sendPaymentNotifications" />
      <BooleanField source="sendPaymentPlanNotifications" />
      <TextField source="authType" label="Authentication" />
      <TextField source="basicUsername" emptyText="—" />
      <TextField source="oauthTokenUrl" label="OAuth2 token URL" emptyText="—" />
      <TextField source="oauthClientId" label="OAuth2 client ID" emptyText="—" />
      <DateField
        source="clientCertificateExpiresAt"
        label="Client certificate expires"
        showTime
        emptyText="No client certificate"
      />
      <DateField
        source="previousSecretValidUntil"
        label="Previous signing secret valid until"
        showTime
        emptyText="—"
      />
      <BooleanField source="enabled" />
      <DateField source="createdAt" showTime />
    </SimpleShowLayout>
  </Show>
);
