import type { ReactNode } from 'react';
import { Box, Card, CardContent, CardHeader, Skeleton, Typography } from '@mui/material';
import { CopyableValue } from '../platform/CopyableValue';
import { usePlatformInfo } from '../platform/usePlatformInfo';

const Row = ({ label, children }: { label: string; children: ReactNode }) => (
  <Box sx={{ display: 'grid', gridTemplateColumns: '200px 1fr', gap: 1, py: 0.5 }}>
    <Typography variant="body2" color="text.secondary">
      {label}
    </Typography>
    <Box sx={{ minWidth: 0 }}>{children}</Box>
  </Box>
);

/** Where the account connects, and the host keys to check on first connection. */
export const ConnectionPanel = ({ username }: { username?: string }) => {
  const { data, isPending } = usePlatformInfo();
  const g = data?.fileGateway;
  return (
    <Card variant="outlined" sx={{ mt: 2 }}>
      <CardHeader title="Connecting" slotProps={{ title: { variant: 'subtitle1' } }} />
      <CardContent sx={{ pt: 0 }}>
        {isPending || !g ? (
          <Skeleton height={120} />
        ) : (
          <>
            <Row label="Host">
              <CopyableValue value={g.host} />
            </Row>
            <Row label="SFTP (password) port">{g.sftpPasswordPort}</Row>
            <Row label="SFTP (key) port">{g.sftpKeyPort}</Row>
            <Row label="FTPS port (explicit TLS)">{g.ftpsPort}</Row>
            <Row label="FTPS passive ports">{g.ftpsPassivePorts}</Row>
            <Row label="Host key ED25519">
              {g.hostKeyFingerprints ? (
                <CopyableValue value={g.hostKeyFingerprints.ed25519} />
              ) : (
                'Not published yet'
              )}
            </Row>
            <Row label="Host key RSA">
              {g.hostKeyFingerprints ? (
                <CopyableValue value={g.hostKeyFingerprints.rsa} />
              ) : (
                'Not published yet'
              )}
            </Row>
            {username && (
              <Row label="Example">
                <CopyableValue value={`sftp -P ${g.sftpKeyPort} ${username}@${g.host}`} />
              </Row>
            )}
          </>
        )}
      </CardContent>
    </Card>
  );
};
