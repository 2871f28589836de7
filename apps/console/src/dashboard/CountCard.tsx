import type { ReactNode } from 'react';
import { useCreatePath, useGetList } from 'react-admin';
import { StatTile } from './StatTile';

export interface CountCardProps {
  resource: string;
  label: string;
  icon: ReactNode;
  filter?: Record<string, unknown>;
}

/** Uses the Content-Range total of a one-row list call (range=[0,0]). */
export const CountCard = ({ resource, label, icon, filter = {} }: CountCardProps) => {
  const createPath = useCreatePath();
  const { total, isPending, error } = useGetList(resource, {
    pagination: { page: 1, perPage: 1 },
    sort: { field: 'createdAt', order: 'DESC' },
    filter,
  });
  return (
    <StatTile
      label={label}
      icon={icon}
      isPending={isPending}
      value={error ? '—' : (total ?? 0).toLocaleString()}
      to={createPath({ resource, type: 'list' })}
      testId={`count-${resource}`}
    />
  );
};
