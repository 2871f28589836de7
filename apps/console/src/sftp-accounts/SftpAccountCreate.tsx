import { Create, SimpleForm, TextInput, required } from 'react-admin';
import { AccountInputs, usernameFormat } from './SftpAccountFields';
import { keyLines, MIB, type SftpAccountForm } from './types';

/** The API takes { username, merchantIds, password?, publicKeys: lines, enabled, quotaBytes?, pgpPublicKey? }. */
const toCreateBody = (f: SftpAccountForm) => ({
  username: f.username?.trim(),
  merchantIds: f.merchantIds ?? [],
  ...(f.password ? { password: f.password } : {}),
  publicKeys: keyLines(f.newPublicKeys),
  enabled: f.enabled ?? true,
  ...(f.quotaMiB ? { quotaBytes: Math.round(f.quotaMiB * MIB) } : {}),
  ...(f.pgpPublicKey?.trim() ? { pgpPublicKey: f.pgpPublicKey } : {}),
});

export const SftpAccountCreate = () => (
  <Create title="conduit.sftp_accounts.new" transform={toCreateBody} redirect="show">
    <SimpleForm sx={{ maxWidth: 720 }} defaultValues={{ enabled: true, merchantIds: [] }}>
      <TextInput
        source="username"
        validate={[required(), usernameFormat]}
        helperText="conduit.sftp_accounts.help.username"
      />
      <AccountInputs />
    </SimpleForm>
  </Create>
);
