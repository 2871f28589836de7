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
} from 'react-admin';
import { EVENT_TYPES, type WebhookEndpoint } from '../api/webhookTypes';

const FORMATS = [
  { id: 'JSON', name: 'JSON' },
  { id: 'XML', name: 'XML' },
  { id: 'NVP', name: 'Name-value pairs (form encoded)' },
];
const AUTH_TYPES = [
  { id: 'NONE', name: 'None (signature only)' },
  { id: 'BASIC', name: 'HTTP Basic' },
  { id: 'OAUTH2', name: 'OAuth2 client credentials' },
];

/** A write-only secret: shows whether one is set; only what the user types is sent. */
const SecretInput = ({ source, label, isSet }: { source: string; label: string; isSet?: boolean }) => (
  <PasswordInput
    source={source}
    label={label}
    autoComplete="new-password"
    helperText={isSet ? 'Set — leave empty to keep it' : 'Not set'}
  />
);

const Section = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <Box sx={{ width: '100%', mt: 2 }}>
    <Typography variant="subtitle2" color="text.secondary" gutterBottom>
      {title}
    </Typography>
    {children}
  </Box>
);

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
      <AutocompleteInput label="Merchant" validate={required()} />
    </ReferenceInput>
    <TextInput
      source="url"
      label="URL"
      fullWidth
      validate={required()}
      helperText="https://… — the receiver"
    />
    <SelectInput source="format" choices={FORMATS} validate={required()} />
    <SelectArrayInput
      source="events"
      choices={EVENT_TYPES.map((id) => ({ id, name: id }))}
      helperText="None selected = every event"
    />
    <BooleanInput source="sendPaymentNotifications" label="Send payment notifications" />
    <BooleanInput source="sendPaymentPlanNotifications" label="Send payment plan notifications" />
    <Section title="Authentication">
      <SelectInput source="authType" label="Authentication" choices={AUTH_TYPES} validate={required()} />
      <FormDataConsumer<{ authType: string }>>
        {({ formData }) =>
          formData.authType === 'BASIC' ? (
            <Box>
              <TextInput source="basicUsername" label="Username" />
              <SecretInput source="basicPassword" label="Password" isSet={record?.hasBasicPassword} />
            </Box>
          ) : formData.authType === 'OAUTH2' ? (
            <Box>
              <TextInput source="oauthTokenUrl" label="Token URL" fullWidth />
              <TextInput source="oauthClientId" label="Client ID" />
              <SecretInput
                source="oauthClientSecret"
                label="Client secret"
                isSet={record?.hasOauthClientSecret}
              />
              <TextInput source="oauthScope" label="Scope (optional)" />
              <TextInput source="oauthAudience" label="Audience (optional)" />
            </Box>
          ) : null
        }
      </FormDataConsumer>
    </Section>
    <Section title="Mutual TLS (optional)">
      <TextInput
        source="clientCertificatePem"
        label="Client certificate (PEM chain)"
        multiline
        minRows={3}
        fullWidth
      />
      <TextInput
        source="clientKeyPem"
        label="Client private key (PEM)"
        multiline
        minRows={3}
        fullWidth
        helperText={record?.hasClientKey ? 'Set — leave empty to keep it' : 'Not set'}
      />
      <SecretInput
        source="clientKeyPassphrase"
        label="Key passphrase"
        isSet={record?.hasClientKeyPassphrase}
      />
      <TextInput
        source="caBundlePem"
        label="CA bundle to trust the receiver (PEM, optional)"
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
