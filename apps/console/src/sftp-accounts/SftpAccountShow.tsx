import {
  ChipField,
  DeleteWithConfirmButton,
  EditButton,
  FunctionField,
  ReferenceArrayField,
  Show,
  SimpleShowLayout,
  SingleFieldList,
  TopToolbar,
  useCanAccess,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Box, Typography } from '@mui/material';
import { formatBytes } from '../common/money';
import { DateTimeField, ENABLED_STATES, MonoField, StatusChipField } from '../common/fields';
import { ConnectionPanel } from './ConnectionPanel';
import { PgpKeyPanel } from './PgpKeyPanel';
import { PublicKeysTable } from './PublicKeysTable';
import type { SftpAccount } from './types';

const Title = () => {
  const record = useRecordContext<SftpAccount>();
  const translate = useTranslate();
  return (
    <>
      {record
        ? translate('conduit.sftp_accounts.title_named', { username: record.username })
        : translate('conduit.sftp_accounts.title')}
    </>
  );
};

const Actions = () => {
  const { canAccess: canEdit } = useCanAccess({ resource: 'sftp-accounts', action: 'edit' });
  const { canAccess: canDelete } = useCanAccess({ resource: 'sftp-accounts', action: 'delete' });
  return (
    <TopToolbar>
      {canEdit && <EditButton />}
      {canDelete && <DeleteWithConfirmButton mutationMode="pessimistic" />}
    </TopToolbar>
  );
};

const Keys = () => {
  const record = useRecordContext<SftpAccount>();
  return record ? <PublicKeysTable keys={record.publicKeys} /> : null;
};

const Extras = () => {
  const record = useRecordContext<SftpAccount>();
  if (!record) return null;
  return (
    <Box sx={{ px: 2, pb: 2 }}>
      <PgpKeyPanel />
      <ConnectionPanel username={record.username} />
    </Box>
  );
};

export const SftpAccountShow = () => {
  const translate = useTranslate();
  return (
    <Show<SftpAccount> title={<Title />} actions={<Actions />}>
      <SimpleShowLayout>
        <MonoField source="username" />
        <StatusChipField source="enabled" label="conduit.credentials.status" states={ENABLED_STATES} />
        <ReferenceArrayField source="merchantIds" reference="merchants">
          <SingleFieldList linkType="show" empty={<>{translate('conduit.common.none')}</>}>
            <ChipField source="name" size="small" />
          </SingleFieldList>
        </ReferenceArrayField>
        <FunctionField<SftpAccount>
          label="conduit.sftp_accounts.form.password"
          render={(a) =>
            translate(a.hasPassword ? 'conduit.sftp_accounts.set' : 'conduit.sftp_accounts.keys_only')
          }
        />
        <FunctionField<SftpAccount> label="conduit.sftp_accounts.keys.title" render={() => <Keys />} />
        <FunctionField<SftpAccount>
          label="conduit.sftp_accounts.storage"
          render={(a) =>
            translate('conduit.sftp_accounts.storage_of', {
              used: formatBytes(a.usedBytes),
              quota: formatBytes(a.quotaBytes),
            })
          }
        />
        <FunctionField<SftpAccount>
          label="conduit.sftp_accounts.your_pgp_key"
          render={(a) =>
            a.pgpPublicKeyFingerprint ? (
              <Typography variant="body2" sx={{ fontFamily: 'monospace' }}>
                {a.pgpPublicKeyFingerprint}
              </Typography>
            ) : (
              translate('conduit.sftp_accounts.no_pgp_key')
            )
          }
        />
        <DateTimeField source="lastLoginAt" emptyText="conduit.users.never" />
        <DateTimeField source="createdAt" />
      </SimpleShowLayout>
      <Extras />
    </Show>
  );
};
