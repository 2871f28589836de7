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
  useTranslate,
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
  const translate = useTranslate();
  const [issued, setIssued] = useState<WebhookEndpointWithSecret | null>(null);
  const rotate = useMutation<WebhookEndpointWithSecret, Error>({
    mutationFn: () => dataProvider.rotateWebhookSecret(String(record?.id)),
    onSuccess: setIssued,
    onError: (e) => notify(e.message || 'conduit.credentials.rotate.failed', { type: 'error' }),
  });
  if (!record || !canAccess) return null;
  return (
    <>
      <Button
        label="conduit.webhook_endpoints.rotate.button"
        disabled={rotate.isPending}
        onClick={() =>
          window.confirm(translate('conduit.webhook_endpoints.rotate.confirm')) && rotate.mutate()
        }
      >
        <AutorenewIcon />
      </Button>
      {issued && (
        <SecretDialog
          open
          title="conduit.webhook_endpoints.rotate.done"
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
      <TextField source="merchantId" />
      <MonoField source="url" />
      <TextField source="format" />
      <ChipListField source="events" emptyText="conduit.webhook_endpoints.all_events" />
      <BooleanField source="sendPaymentNotifications" />
      <BooleanField source="sendPaymentPlanNotifications" />
      <TextField source="authType" />
      <TextField source="basicUsername" emptyText="—" />
      <TextField source="oauthTokenUrl" emptyText="—" />
      <TextField source="oauthClientId" emptyText="—" />
      <DateField
        source="clientCertificateExpiresAt"
        showTime
        emptyText="conduit.webhook_endpoints.no_client_certificate"
      />
      <DateField source="previousSecretValidUntil" showTime emptyText="—" />
      <BooleanField source="enabled" />
      <DateField source="createdAt" showTime />
    </SimpleShowLayout>
  </Show>
);
