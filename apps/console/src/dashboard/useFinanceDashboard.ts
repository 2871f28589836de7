import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { ConduitDataProvider } from '../api/dataProvider';

/** The next deposit, open disputes and last batch, shared by the finance tiles (one request). */
export const useFinanceDashboard = (enabled: boolean) => {
  const dataProvider = useDataProvider<ConduitDataProvider>();
  return useQuery({
    queryKey: ['dashboard', 'finance'],
    queryFn: () => dataProvider.getFinanceDashboard(),
    enabled,
    retry: false,
    staleTime: 60_000,
    refetchInterval: 5 * 60_000,
  });
};
