import type { ReactNode } from 'react';
import { Box, Card, CardContent, CardHeader, Skeleton, Typography } from '@mui/material';
import { CopyableValue } from '../platform/CopyableValue';
import { usePlatformInfo } from '../platform/usePlatformInfo';
import { useTranslate } from 'react-admin';

/** `label` is an i18n key. */
const Row = ({ label, children }: { label: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: '200px 1fr', gap: 1, py: 0.5 }}>
      <Typography variant="body2" color="text.secondary">
        {translate(label)}
      </Typography>
      <Box sx={{ minWidth: 0 }}>{children}</Box>
    </Box>
  );
};

/** Where the account connects, and the host keys to check on first connection. */
export const ConnectionPanel = ({ username }: { username?: string }) => {
  const { data, isPending } = usePlatformInfo();
  const translate = useTranslate();
  const g = data?.fileGateway;
  return (
    <Card variant="outlined" sx={{ mt: 2 }}>
      <CardHeader
        title={translate('conduit.sftp_accounts.connection.title')}
        slotProps={{ title: { variant: 'subtitle1' } }}
      />
      <CardContent sx={{ pt: 0 }}>
        {isPending || !g ? (
          <Skeleton height={120} />
        ) : (
          <>
            <Row label="conduit.sftp_accounts.connection.host">
              <CopyableValue value={g.host} />
            </Row>
            <Row label="conduit.sftp_accounts.connection.sftp_password_port">{g.sftpPasswordPort}</Row>
            <Row label="conduit.sftp_accounts.connection.sftp_key_port">{g.sftpKeyPort}</Row>
            <Row label="conduit.sftp_accounts.connection.ftps_port">{g.ftpsPort}</Row>
            <Row label="conduit.sftp_accounts.connection.ftps_passive_ports">{g.ftpsPassivePorts}</Row>
            <Row label="conduit.sftp_accounts.connection.host_key_ed25519">
              {g.hostKeyFingerprints ? (
                <CopyableValue value={g.hostKeyFingerprints.ed25519} />
              ) : (
                translate('conduit.sftp_accounts.connection.not_published')
              )}
            </Row>
            <Row label="conduit.sftp_accounts.connection.host_key_rsa">
              {g.hostKeyFingerprints ? (
                <CopyableValue value={g.hostKeyFingerprints.rsa} />
              ) : (
                translate('conduit.sftp_accounts.connection.not_published')
              )}
            </Row>
            {username && (
              <Row label="conduit.sftp_accounts.connection.example">
                <CopyableValue value={`sftp -P ${g.sftpKeyPort} ${username}@${g.host}`} />
              </Row>
            )}
          </>
        )}
      </CardContent>
    </Card>
  );
};
