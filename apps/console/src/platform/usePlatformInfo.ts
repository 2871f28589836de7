import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { ConduitDataProvider } from '../api/dataProvider';

export const usePlatformInfo = () => {
  const dataProvider = useDataProvider<ConduitDataProvider>();
  return useQuery({
    queryKey: ['platform-info'],
    queryFn: () => dataProvider.getPlatformInfo(),
    staleTime: 5 * 60_000,
  });
};
