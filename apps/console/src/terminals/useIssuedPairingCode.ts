import { useCallback, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { TerminalWithPairingCode } from '../api/terminalTypes';

export interface IssuedPairingCode {
  terminalId: string;
  code: string;
  expiresAt: string | null;
}

/**
 * Holds a just-issued pairing code while it is shown, then forgets it and scrubs it from
 * react-admin's record cache (the create answer seeds the getOne cache, code included).
 */
export const useIssuedPairingCode = () => {
  const queryClient = useQueryClient();
  const [issued, setIssued] = useState<IssuedPairingCode | null>(null);

  const show = useCallback((record: TerminalWithPairingCode) => {
    setIssued({
      terminalId: String(record.id),
      code: record.pairingCode,
      expiresAt: record.pairingCodeExpiresAt,
    });
  }, []);

  const clear = useCallback(() => {
    setIssued(null);
    queryClient.removeQueries({ queryKey: ['terminals', 'getOne'], type: 'inactive' });
    void queryClient.invalidateQueries({ queryKey: ['terminals'] });
  }, [queryClient]);

  return { issued, show, clear };
};
