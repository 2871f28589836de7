import { DataTable, List, NumberField, SelectInput, useDataProvider, useRecordContext } from 'react-admin';
import DescriptionIcon from '@mui/icons-material/DescriptionOutlined';
import type { ConduitDataProvider } from '../api/dataProvider';
import type { BatchFile } from '../api/settlementTypes';
import { DownloadButton } from '../common/DownloadButton';
import { EmptyState } from '../common/EmptyState';
import { BusinessDateField, CentsField, DateTimeField, MonoField, StatusChipField } from '../common/fields';
import { MerchantFilterInput } from '../common/filters';
import { formatBytes } from '../common/money';
import { BATCH_FILE_KIND_CHOICES, BATCH_FILE_KINDS } from './constants';

const filters = [
  <MerchantFilterInput key="merchantId" source="merchantId" alwaysOn />,
  <SelectInput key="kind" source="kind" label="Kind" choices={BATCH_FILE_KIND_CHOICES} alwaysOn />,
];

const DownloadFileButton = () => {
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

const Column = DataTable.Col<BatchFile>;

/** The end-of-day files each closed batch produces for the practice management system. */
export const BatchFileList = () => (
  <List<BatchFile>
    title="Posting files"
    filters={filters}
    sort={{ field: 'createdAt', order: 'DESC' }}
    perPage={25}
    exporter={false}
    empty={
      <EmptyState
        icon={<DescriptionIcon />}
        title="No posting files yet"
        description="Each closed settlement batch produces a posting file (and an X12 835 where the merchant has it enabled), also delivered over SFTP."
        create={false}
      />
    }
  >
    <DataTable
      rowClick={false}
      bulkActionButtons={false}
      sx={{ '& .RaDataTable-tableWrapper': { overflowX: 'auto', contain: 'inline-size' } }}
    >
      <Column source="name" disableSort field={MonoField} />
      <Column source="kind" disableSort>
        <StatusChipField source="kind" states={BATCH_FILE_KINDS} />
      </Column>
      <Column source="merchantId" label="MerchantID" disableSort field={MonoField} />
      <Column source="businessDate" label="Business date" disableSort>
        <BusinessDateField source="businessDate" />
      </Column>
      <Column source="recordCount" label="Records" align="right" disableSort>
        <NumberField source="recordCount" />
      </Column>
      <Column source="netCents" label="Net" align="right" disableSort>
        <CentsField source="netCents" />
      </Column>
      <Column source="size" align="right" disableSort render={(file) => formatBytes(file.size)} />
      <Column source="createdAt" label="Created" sortByOrder="DESC">
        <DateTimeField source="createdAt" />
      </Column>
      <Column label="" disableSort>
        <DownloadFileButton />
      </Column>
    </DataTable>
  </List>
);
