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
export const usernameFormat = regex(
  /^[a-z0-9._-]{3,64}$/,
  '3 to 64 characters: a-z, 0-9, dot, underscore, hyphen',
);

export const MerchantsInput = () => (
  <ReferenceArrayInput
    source="merchantIds"
    reference="merchants"
    perPage={100}
    sort={{ field: 'name', order: 'ASC' }}
  >
    <AutocompleteArrayInput
      label="Merchants"
      validate={required()}
      helperText="Files of these merchants are exchanged through this account"
    />
  </ReferenceArrayInput>
);

/** The inputs create and edit share; the password is write-only (never shown, only replaced). */
export const AccountInputs = ({ editing }: { editing?: boolean }) => (
  <>
    <MerchantsInput />
    <PasswordInput
      source="password"
      label={editing ? 'New password' : 'Password'}
      validate={minLength(12, 'At least 12 characters')}
      helperText={
        editing
          ? 'Leave empty to keep the current password'
          : 'Optional when you add a public key; at least 12 characters'
      }
      autoComplete="new-password"
    />
    <TextInput
      source="newPublicKeys"
      label={editing ? 'Add public keys' : 'Public keys'}
      multiline
      minRows={3}
      helperText="One OpenSSH public key per line (ssh-ed25519 AAAA… or ssh-rsa AAAA…, 1024 bits or more)"
      sx={{ '& textarea': { fontFamily: 'monospace', fontSize: 12 } }}
    />
    <BooleanInput source="enabled" helperText="A disabled account cannot sign in" />
    <NumberInput
      source="quotaMiB"
      label="Quota (MiB)"
      min={1}
      validate={minValue(1)}
      helperText="Space for uploads and archived files; empty uses the platform default"
    />
    <TextInput
      source="pgpPublicKey"
      label="Your OpenPGP public key"
      multiline
      minRows={3}
      helperText="Optional, armored. When set, outbound files are encrypted to it."
      sx={{ '& textarea': { fontFamily: 'monospace', fontSize: 12 } }}
    />
  </>
);
