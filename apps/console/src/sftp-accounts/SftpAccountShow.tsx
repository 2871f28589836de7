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
  return <>{record ? `SFTP account ${record.username}` : 'SFTP account'}</>;
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

export const SftpAccountShow = () => (
  <Show<SftpAccount> title={<Title />} actions={<Actions />}>
    <SimpleShowLayout>
      <MonoField source="username" label="Username" />
      <StatusChipField source="enabled" label="Status" states={ENABLED_STATES} />
      <ReferenceArrayField source="merchantIds" reference="merchants" label="Merchants">
        <SingleFieldList linkType="show" empty={<>None</>}>
          <ChipField source="name" size="small" />
        </SingleFieldList>
      </ReferenceArrayField>
      <FunctionField<SftpAccount>
        label="Password"
        render={(a) => (a.hasPassword ? 'Set' : 'None (keys only)')}
      />
      <FunctionField<SftpAccount> label="Public keys" render={() => <Keys />} />
      <FunctionField<SftpAccount>
        label="Storage"
        render={(a) => `${formatBytes(a.usedBytes)} of ${formatBytes(a.quotaBytes)}`}
      />
      <FunctionField<SftpAccount>
        label="Your OpenPGP key"
        render={(a) =>
          a.pgpPublicKeyFingerprint ? (
            <Typography variant="body2" sx={{ fontFamily: 'monospace' }}>
              {a.pgpPublicKeyFingerprint}
            </Typography>
          ) : (
            'None: outbound files are not encrypted'
          )
        }
      />
      <DateTimeField source="lastLoginAt" label="Last login" emptyText="Never" />
      <DateTimeField source="createdAt" label="Created" />
    </SimpleShowLayout>
    <Extras />
  </Show>
);
