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
  useTranslate,
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
  const translate = useTranslate();
  const org =
    typeof identity?.organizationName === 'string'
      ? identity.organizationName
      : translate('conduit.credentials.your_organization');
  return (
    <TextInput
      source="name"
      validate={[required(), maxLength(64)]}
      helperText={translate('conduit.credentials.help.account_name', { org })}
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
        title="conduit.credentials.new"
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
            helperText="conduit.credentials.help.description"
          />
          <MerchantIdsInput />
        </SimpleForm>
      </Create>
      {issued && (
        <SecretDialog
          open
          title="conduit.credentials.created"
          identifier={issued.identifier}
          secret={issued.secret}
          onClose={done}
        />
      )}
    </>
  );
};
