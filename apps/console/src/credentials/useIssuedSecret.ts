import { useCallback, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { CredentialWithSecret } from '../api/types';

/**
 * Holds a just-issued secret for the once-only dialog, then scrubs it from
 * memory and from react-admin's record cache when the dialog closes.
 */
export const useIssuedSecret = () => {
  const queryClient = useQueryClient();
  const [issued, setIssued] = useState<Pick<CredentialWithSecret, 'identifier' | 'secret'> | null>(null);

  const show = useCallback((record: CredentialWithSecret) => {
    setIssued({ identifier: record.identifier, secret: record.secret });
  }, []);

  const clear = useCallback(() => {
    setIssued(null);
    // useCreate seeds the getOne cache with the create answer (secret included).
    queryClient.removeQueries({ queryKey: ['credentials', 'getOne'], type: 'inactive' });
    void queryClient.invalidateQueries({ queryKey: ['credentials'] });
  }, [queryClient]);

  return { issued, show, clear };
};
