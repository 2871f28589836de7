import { useDataProvider, useRecordContext } from 'react-admin';
import type { ConduitDataProvider } from '../api/dataProvider';
import type { BatchFile } from '../api/settlementTypes';
import { DownloadButton } from '../common/DownloadButton';

export const DownloadFileButton = () => {
  const record = useRecordContext<BatchFile>();
  const dataProvider = useDataProvider<ConduitDataProvider>();
  if (!record) return null;
  return (
    <DownloadButton
      label="Download"
      ariaLabel={`Download ${record.name}`}
      fetchFile={() => dataProvider.downloadBatchFile(String(record.id))}
      filename={record.name}
    />
  );
};
