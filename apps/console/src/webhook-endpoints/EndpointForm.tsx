import { Box, Typography } from '@mui/material';
import {
  AutocompleteInput,
  BooleanInput,
  FormDataConsumer,
  PasswordInput,
  ReferenceInput,
  SelectArrayInput,
  SelectInput,
  SimpleForm,
  TextInput,
  required,
  useTranslate,
} from 'react-admin';
import { EVENT_TYPES, type WebhookEndpoint } from '../api/webhookTypes';

const FORMATS = [
  { id: 'JSON', name: 'JSON' },
  { id: 'XML', name: 'XML' },
  { id: 'NVP', name: 'conduit.webhook_endpoints.formats.nvp' },
];
const AUTH_TYPES = [
  { id: 'NONE', name: 'conduit.webhook_endpoints.auth_types.none' },
  { id: 'BASIC', name: 'conduit.webhook_endpoints.auth_types.basic' },
  { id: 'OAUTH2', name: 'conduit.webhook_endpoints.auth_types.oauth2' },
];

/** A write-only secret: shows whether one is set; only what the user types is sent. */
const SecretInput = ({ source, label, isSet }: { source: string; label: string; isSet?: boolean }) => (
  <PasswordInput
    source={source}
    label={label}
    autoComplete="new-password"
    helperText={
      isSet ? 'conduit.webhook_endpoints.form.secret_set' : 'conduit.webhook_endpoints.form.secret_not_set'
    }
  />
);

/** `title` is an i18n key. */
const Section = ({ title, children }: { title: string; children: React.ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ width: '100%', mt: 2 }}>
      <Typography variant="subtitle2" color="text.secondary" gutterBottom>
        {translate(title)}
      </Typography>
      {children}
    </Box>
  );
};

/** Create and edit share this form; the API validates combinations and vets the URL. */
export const EndpointForm = ({ record }: { record?: WebhookEndpoint }) => (
  <SimpleForm
    sx={{ maxWidth: 720 }}
    defaultValues={{
      format: 'JSON',
      authType: 'NONE',
      events: [],
      sendPaymentNotifications: true,
      sendPaymentPlanNotifications: true,
      enabled: true,
    }}
  >
    <ReferenceInput
      source="merchantId"
      reference="merchants"
      perPage={100}
      sort={{ field: 'name', order: 'ASC' }}
    >
      <AutocompleteInput validate={required()} />
    </ReferenceInput>
    <TextInput
      source="url"
      fullWidth
      validate={required()}
      helperText="conduit.webhook_endpoints.form.url_help"
    />
    <SelectInput source="format" choices={FORMATS} validate={required()} />
    <SelectArrayInput
      source="events"
      choices={EVENT_TYPES.map((id) => ({ id, name: id }))}
      helperText="conduit.webhook_endpoints.form.events_help"
    />
    <BooleanInput source="sendPaymentNotifications" />
    <BooleanInput source="sendPaymentPlanNotifications" />
    <Section title="conduit.webhook_endpoints.form.authentication">
      <SelectInput source="authType" choices={AUTH_TYPES} validate={required()} />
      <FormDataConsumer<{ authType: string }>>
        {({ formData }) =>
          formData.authType === 'BASIC' ? (
            <Box>
              <TextInput source="basicUsername" label="conduit.webhook_endpoints.form.username" />
              <SecretInput
                source="basicPassword"
                label="conduit.webhook_endpoints.form.password"
                isSet={record?.hasBasicPassword}
              />
            </Box>
          ) : formData.authType === 'OAUTH2' ? (
            <Box>
              <TextInput source="oauthTokenUrl" label="conduit.webhook_endpoints.form.token_url" fullWidth />
              <TextInput source="oauthClientId" label="conduit.webhook_endpoints.form.client_id" />
              <SecretInput
                source="oauthClientSecret"
                label="conduit.webhook_endpoints.form.client_secret"
                isSet={record?.hasOauthClientSecret}
              />
              <TextInput source="oauthScope" label="conduit.webhook_endpoints.form.scope" />
              <TextInput source="oauthAudience" label="conduit.webhook_endpoints.form.audience" />
            </Box>
          ) : null
        }
      </FormDataConsumer>
    </Section>
    <Section title="conduit.webhook_endpoints.form.mtls">
      <TextInput
        source="clientCertificatePem"
        label="conduit.webhook_endpoints.form.client_certificate"
        multiline
        minRows={3}
        fullWidth
      />
      <TextInput
        source="clientKeyPem"
        label="conduit.webhook_endpoints.form.client_key"
        multiline
        minRows={3}
        fullWidth
        helperText={
          record?.hasClientKey
            ? 'conduit.webhook_endpoints.form.secret_set'
            : 'conduit.webhook_endpoints.form.secret_not_set'
        }
      />
      <SecretInput
        source="clientKeyPassphrase"
        label="conduit.webhook_endpoints.form.key_passphrase"
        isSet={record?.hasClientKeyPassphrase}
      />
      <TextInput
        source="caBundlePem"
        label="conduit.webhook_endpoints.form.ca_bundle"
        multiline
        minRows={2}
        fullWidth
      />
    </Section>
    <BooleanInput source="enabled" />
  </SimpleForm>
);

const SECRET_FIELDS = ['basicPassword', 'oauthClientSecret', 'clientKeyPem', 'clientKeyPassphrase'];

/** Drops empty secret fields so the API keeps what is stored, and the read-only flags. */
export function endpointBody(data: Record<string, unknown>) {
  const body: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) {
    if (
      k.startsWith('has') ||
      [
        'id',
        'organizationId',
        'createdAt',
        'updatedAt',
        'clientCertificateExpiresAt',
        'previousSecretValidUntil',
      ].includes(k)
    )
      continue;
    if (SECRET_FIELDS.includes(k) && (v === undefined || v === null || v === '')) continue;
    body[k] = v;
  }
  return body;
}
