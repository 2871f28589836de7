import { Interpolated } from '../common/Interpolated';
import { Edit, ShowButton, SimpleForm, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { Box, Typography } from '@mui/material';
import { PublicKeysTable } from './PublicKeysTable';
import { AccountInputs } from './SftpAccountFields';
import { keyLines, MIB, type SftpAccount, type SftpAccountForm } from './types';

/**
 * PUT sends the whole key set: the current keys kept (by id) and the new lines. The password is
 * sent only when typed; an empty OpenPGP key field removes the account's key.
 */
const toUpdateBody = (f: SftpAccountForm & { removedKeyIds?: string[] }) => ({
  merchantIds: f.merchantIds,
  ...(f.password ? { password: f.password } : {}),
  publicKeys: [
    ...(f.publicKeys ?? []).filter((k) => !(f.removedKeyIds ?? []).includes(k.id)).map((k) => ({ id: k.id })),
    ...keyLines(f.newPublicKeys),
  ],
  enabled: f.enabled,
  ...(f.quotaMiB ? { quotaBytes: Math.round(f.quotaMiB * MIB) } : {}),
  pgpPublicKey: f.pgpPublicKey?.trim() ? f.pgpPublicKey : null,
});

const CurrentKeys = () => {
  const record = useRecordContext<SftpAccount>();
  const { setValue } = useFormContext();
  const removed: string[] = useWatch({ name: 'removedKeyIds' }) ?? [];
  const translate = useTranslate();
  if (!record) return null;
  const keys = record.publicKeys.filter((k) => !removed.includes(k.id));
  return (
    <Box sx={{ mb: 2, width: '100%' }}>
      <Typography variant="subtitle2" gutterBottom>
        {translate('conduit.sftp_accounts.current_keys')}
      </Typography>
      <PublicKeysTable
        keys={keys}
        onRemove={(id) => setValue('removedKeyIds', [...removed, id], { shouldDirty: true })}
      />
    </Box>
  );
};

const Username = () => {
  const record = useRecordContext<SftpAccount>();
  return (
    <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
      <Interpolated
        message="conduit.sftp_accounts.username_note"
        slot={<strong style={{ fontFamily: 'monospace' }}>{record?.username}</strong>}
      />
    </Typography>
  );
};

const Actions = () => (
  <TopToolbar>
    <ShowButton />
  </TopToolbar>
);

export const SftpAccountEdit = () => (
  <Edit<SftpAccount>
    title="conduit.sftp_accounts.edit"
    actions={<Actions />}
    mutationMode="pessimistic"
    transform={toUpdateBody}
    redirect="show"
    queryOptions={{
      select: (a: SftpAccount) =>
        ({ ...a, quotaMiB: Math.round(a.quotaBytes / MIB), removedKeyIds: [] }) as SftpAccount,
    }}
  >
    <SimpleForm sx={{ maxWidth: 720 }}>
      <Username />
      <CurrentKeys />
      <AccountInputs editing />
    </SimpleForm>
  </Edit>
);
