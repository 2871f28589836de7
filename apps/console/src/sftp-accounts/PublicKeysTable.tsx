import { Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
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
  if (!keys.length)
    return (
      <Typography variant="body2" color="text.secondary">
        No public keys
      </Typography>
    );
  return (
    <Table size="small" aria-label="Public keys">
      <TableHead>
        <TableRow>
          <TableCell>Type</TableCell>
          <TableCell align="right">Bits</TableCell>
          <TableCell>Fingerprint</TableCell>
          <TableCell>Comment</TableCell>
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
                  label="Weak"
                  title="RSA 1024 is accepted but weak: replace it with Ed25519 or RSA 3072+"
                  sx={{ mr: onRemove ? 1 : 0 }}
                />
              )}
              {onRemove && (
                <Chip
                  size="small"
                  variant="outlined"
                  label="Remove"
                  onClick={() => onRemove(k.id)}
                  aria-label={`Remove key ${k.fingerprint}`}
                />
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
