import {
  Create,
  FormDataConsumer,
  RadioButtonGroupInput,
  SimpleForm,
  TextInput,
  maxLength,
  required,
  useGetIdentity,
  useRedirect,
} from 'react-admin';
import type { CredentialWithSecret } from '../api/types';
import { SecretDialog } from '../common/SecretDialog';
import { KIND_CHOICES } from './constants';
import { MerchantIdsInput } from './MerchantIdsInput';
import { useIssuedSecret } from './useIssuedSecret';

interface CreateForm {
  kind: 'ACCOUNT' | 'API_KEY';
  name?: string;
  description?: string;
  merchantIds?: string[];
}

/** The API takes { kind, name (ACCOUNT only), description, merchantIds }. */
const toCreateBody = ({ kind, name, description, merchantIds }: CreateForm) => ({
  kind,
  ...(kind === 'ACCOUNT' ? { name: name?.trim() } : {}),
  description: description?.trim() || undefined,
  merchantIds: merchantIds ?? [],
});

const AccountNameInput = () => {
  const { identity } = useGetIdentity();
  const org =
    typeof identity?.organizationName === 'string' ? identity.organizationName : 'your organization';
  return (
    <TextInput
      source="name"
      label="Account name"
      validate={[required(), maxLength(64)]}
      helperText={`The part before the @ in the Account ID (name@slug of ${org}), e.g. pms-frontdesk`}
    />
  );
};

export const CredentialCreate = () => {
  const redirect = useRedirect();
  const { issued, show, clear } = useIssuedSecret();

  const done = () => {
    clear();
    redirect('list', 'credentials');
  };

  return (
    <>
      <Create<CredentialWithSecret>
        title="New credential"
        transform={(data: CreateForm) => toCreateBody(data)}
        mutationOptions={{ onSuccess: (record) => show(record) }}
      >
        <SimpleForm sx={{ maxWidth: 640 }} defaultValues={{ kind: 'ACCOUNT', merchantIds: [] }}>
          <RadioButtonGroupInput source="kind" choices={KIND_CHOICES} validate={required()} />
          <FormDataConsumer<CreateForm>>
            {({ formData }) => (formData.kind === 'ACCOUNT' ? <AccountNameInput /> : null)}
          </FormDataConsumer>
          <TextInput
            source="description"
            multiline
            minRows={2}
            helperText="What uses it, e.g. Front desk PMS integration"
          />
          <MerchantIdsInput />
        </SimpleForm>
      </Create>
      {issued && (
        <SecretDialog
          open
          title="Credential created"
          identifier={issued.identifier}
          secret={issued.secret}
          onClose={done}
        />
      )}
    </>
  );
};
