import { Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { SftpPublicKey } from './types';

const TYPE_LABELS: Record<string, string> = { 'ssh-ed25519': 'Ed25519', 'ssh-rsa': 'RSA' };

/** The account's keys: type, size, fingerprint (as `ssh-keygen -lf` prints it) and a weak badge. */
export const PublicKeysTable = ({
  keys,
  onRemove,
}: {
  keys: SftpPublicKey[];
  /** When given (the edit page), each row has a Remove button. */
  onRemove?: (id: string) => void;
}) => {
  const translate = useTranslate();
  if (!keys.length)
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('conduit.sftp_accounts.keys.none')}
      </Typography>
    );
  return (
    <Table size="small" aria-label={translate('conduit.sftp_accounts.keys.title')}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('conduit.sftp_accounts.keys.type')}</TableCell>
          <TableCell align="right">{translate('conduit.sftp_accounts.keys.bits')}</TableCell>
          <TableCell>{translate('conduit.sftp_accounts.keys.fingerprint')}</TableCell>
          <TableCell>{translate('conduit.sftp_accounts.keys.comment')}</TableCell>
          <TableCell />
        </TableRow>
      </TableHead>
      <TableBody>
        {keys.map((k) => (
          <TableRow key={k.id}>
            <TableCell>{TYPE_LABELS[k.algorithm] ?? k.algorithm}</TableCell>
            <TableCell align="right">{k.bits}</TableCell>
            <TableCell sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>{k.fingerprint}</TableCell>
            <TableCell>{k.comment || '—'}</TableCell>
            <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
              {k.weak && (
                <Chip
                  size="small"
                  color="warning"
                  label={translate('conduit.sftp_accounts.keys.weak')}
                  title={translate('conduit.sftp_accounts.keys.weak_hint')}
                  sx={{ mr: onRemove ? 1 : 0 }}
                />
              )}
              {onRemove && (
                <Chip
                  size="small"
                  variant="outlined"
                  label={translate('conduit.disputes.respond.remove')}
                  onClick={() => onRemove(k.id)}
                  aria-label={translate('conduit.sftp_accounts.keys.remove_named', {
                    fingerprint: k.fingerprint,
                  })}
                />
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
