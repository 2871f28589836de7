import { useDataProvider, useListContext } from 'react-admin';
import type { ConduitDataProvider } from '../api/dataProvider';
import type { Settlement } from '../api/settlementTypes';
import { localDay } from '../common/dates';
import { DownloadButton } from '../common/DownloadButton';

/** The server-side CSV of every batch matching the list's filters, not only the page shown. */
export const ExportSettlementsButton = () => {
  const { filterValues, sort, total, isPending } = useListContext<Settlement>();
  const dataProvider = useDataProvider<ConduitDataProvider>();
  return (
    <DownloadButton
      label="conduit.transactions.labels.export_csv"
      fetchFile={() => dataProvider.exportSettlements({ filter: filterValues, sort })}
      filename={`settlements-${localDay()}.csv`}
      disabled={isPending || !total}
      testId="settlements-export"
    />
  );
};
