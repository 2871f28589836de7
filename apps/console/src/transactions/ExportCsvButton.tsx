import { useState } from 'react';
import { CircularProgress } from '@mui/material';
import DownloadIcon from '@mui/icons-material/FileDownloadOutlined';
import { Button, useDataProvider, useListContext, useNotify } from 'react-admin';
import type { ConduitDataProvider } from '../api/dataProvider';
import type { Transaction } from '../api/types';
import { localDay } from '../common/dates';
import { saveBlob } from '../common/download';

/**
 * Downloads the server-side CSV of every transaction matching the list's filters and sort
 * (react-admin's exporter would only see the rows of the current page).
 */
export const ExportCsvButton = () => {
  const { filterValues, sort, total, isPending } = useListContext<Transaction>();
  const dataProvider = useDataProvider<ConduitDataProvider>();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);

  const download = async () => {
    setBusy(true);
    try {
      const file: unknown = await dataProvider.exportTransactions({ filter: filterValues, sort });
      // The data provider proxy answers `{ data: {} }` instead when the session expired and it logged out.
      if (file instanceof Blob) saveBlob(file, `transactions-${localDay()}.csv`);
    } catch (error) {
      notify(
        error instanceof Error && error.message ? error.message : 'The export failed. Please try again.',
        {
          type: 'error',
        },
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button
      label="conduit.transactions.labels.export_csv"
      onClick={download}
      disabled={busy || isPending || !total}
      data-testid="transactions-export"
    >
      {busy ? <CircularProgress size={16} color="inherit" /> : <DownloadIcon />}
    </Button>
  );
};
