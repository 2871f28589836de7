import { useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import type { ConduitDataProvider } from '../api/dataProvider';
import type { BatchFile } from '../api/settlementTypes';
import { DownloadButton } from '../common/DownloadButton';

export const DownloadFileButton = () => {
  const record = useRecordContext<BatchFile>();
  const dataProvider = useDataProvider<ConduitDataProvider>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <DownloadButton
      label="conduit.disputes.evidence.download"
      ariaLabel={translate('conduit.disputes.evidence.download_named', { name: record.name })}
      fetchFile={() => dataProvider.downloadBatchFile(String(record.id))}
      filename={record.name}
    />
  );
};
