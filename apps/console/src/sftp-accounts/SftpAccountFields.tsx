import {
  AutocompleteArrayInput,
  BooleanInput,
  NumberInput,
  PasswordInput,
  ReferenceArrayInput,
  TextInput,
  minLength,
  minValue,
  regex,
  required,
} from 'react-admin';

/** Same rules as the API (docs/sftp-accounts.md); the API re-checks everything. */
export const usernameFormat = regex(/^[a-z0-9._-]{3,64}$/, 'conduit.sftp_accounts.validation.username');

export const MerchantsInput = () => (
  <ReferenceArrayInput
    source="merchantIds"
    reference="merchants"
    perPage={100}
    sort={{ field: 'name', order: 'ASC' }}
  >
    <AutocompleteArrayInput validate={required()} helperText="conduit.sftp_accounts.form.merchants_help" />
  </ReferenceArrayInput>
);

/** The inputs create and edit share; the password is write-only (never shown, only replaced). */
export const AccountInputs = ({ editing }: { editing?: boolean }) => (
  <>
    <MerchantsInput />
    <PasswordInput
      source="password"
      label={editing ? 'conduit.users.new_password' : 'conduit.sftp_accounts.form.password'}
      validate={minLength(12, 'conduit.users.validation.password')}
      helperText={editing ? 'conduit.users.help.new_password' : 'conduit.sftp_accounts.form.password_help'}
      autoComplete="new-password"
    />
    <TextInput
      source="newPublicKeys"
      label={editing ? 'conduit.sftp_accounts.form.add_keys' : 'conduit.sftp_accounts.form.keys'}
      multiline
      minRows={3}
      helperText="conduit.sftp_accounts.form.keys_help"
      sx={{ '& textarea': { fontFamily: 'monospace', fontSize: 12 } }}
    />
    <BooleanInput source="enabled" helperText="conduit.sftp_accounts.form.enabled_help" />
    <NumberInput
      source="quotaMiB"
      label="conduit.sftp_accounts.form.quota"
      min={1}
      validate={minValue(1)}
      helperText="conduit.sftp_accounts.form.quota_help"
    />
    <TextInput
      source="pgpPublicKey"
      label="conduit.sftp_accounts.form.pgp"
      multiline
      minRows={3}
      helperText="conduit.sftp_accounts.form.pgp_help"
      sx={{ '& textarea': { fontFamily: 'monospace', fontSize: 12 } }}
    />
  </>
);
