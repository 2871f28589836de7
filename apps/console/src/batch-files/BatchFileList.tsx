import { DataTable, List, NumberField, SelectInput } from 'react-admin';
import DescriptionIcon from '@mui/icons-material/DescriptionOutlined';
import type { BatchFile } from '../api/settlementTypes';
import { EmptyState } from '../common/EmptyState';
import { BusinessDateField, CentsField, DateTimeField, MonoField, StatusChipField } from '../common/fields';
import { MerchantFilterInput } from '../common/filters';
import { formatBytes } from '../common/money';
import { BatchFileProgress } from './BatchFileProgress';
import { DownloadFileButton } from './DownloadFileButton';
import {
  BATCH_FILE_KIND_CHOICES,
  BATCH_FILE_KINDS,
  BATCH_FILE_STATUSES,
  DIRECTION_CHOICES,
} from './constants';

const filters = [
  <MerchantFilterInput key="merchantId" source="merchantId" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={BATCH_FILE_KIND_CHOICES} alwaysOn />,
  <SelectInput key="direction" source="direction" choices={DIRECTION_CHOICES} alwaysOn />,
];

const Column = DataTable.Col<BatchFile>;

/**
 * Files exchanged with practice systems: the end-of-day posting files each closed batch
 * produces, and the payment files SFTP accounts upload with their results.
 */
export const BatchFileList = () => (
  <List<BatchFile>
    filters={filters}
    sort={{ field: 'createdAt', order: 'DESC' }}
    perPage={25}
    exporter={false}
    empty={
      <EmptyState
        icon={<DescriptionIcon />}
        title="conduit.batch_files.empty_title"
        description="conduit.batch_files.empty_description"
        create={false}
      />
    }
  >
    <DataTable
      rowClick="show"
      bulkActionButtons={false}
      sx={{ '& .RaDataTable-tableWrapper': { overflowX: 'auto', contain: 'inline-size' } }}
    >
      <Column source="name" disableSort field={MonoField} />
      <Column source="kind" disableSort>
        <StatusChipField source="kind" states={BATCH_FILE_KINDS} />
      </Column>
      <Column source="status" disableSort>
        <StatusChipField source="status" states={BATCH_FILE_STATUSES} />
      </Column>
      <Column source="merchantId" disableSort render={(f) => f.merchantId ?? f.username ?? '—'} />
      <Column source="businessDate" disableSort>
        <BusinessDateField source="businessDate" />
      </Column>
      <Column source="recordCount" align="right" disableSort>
        <NumberField source="recordCount" />
      </Column>
      <Column label="conduit.batch_files.results" disableSort>
        <BatchFileProgress />
      </Column>
      <Column source="netCents" align="right" disableSort>
        <CentsField source="netCents" />
      </Column>
      <Column source="size" align="right" disableSort render={(file) => formatBytes(file.size)} />
      <Column source="createdAt" label="conduit.batch_files.created" sortByOrder="DESC">
        <DateTimeField source="createdAt" />
      </Column>
      <Column label="" disableSort>
        <DownloadFileButton />
      </Column>
    </DataTable>
  </List>
);
