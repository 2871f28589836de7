import {
  DataTable,
  FunctionField,
  NumberField,
  Pagination,
  ReferenceManyField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
} from 'react-admin';
import { Box, Typography } from '@mui/material';
import type { BatchFile, BatchFileLine } from '../api/settlementTypes';
import { CentsField, DateTimeField, MonoField, StatusChipField } from '../common/fields';
import { formatBytes } from '../common/money';
import { BatchFileProgress } from './BatchFileProgress';
import { DownloadFileButton } from './DownloadFileButton';
import { BATCH_FILE_KINDS, BATCH_FILE_STATUSES, RECORD_RESULTS } from './constants';

const Title = () => {
  const f = useRecordContext<BatchFile>();
  return <>{f ? f.name : 'Batch file'}</>;
};

const Actions = () => (
  <TopToolbar>
    <DownloadFileButton />
  </TopToolbar>
);

const Line = DataTable.Col<BatchFileLine>;

/** The per-record results of an inbound file: each line of its acknowledgement. */
const RecordsPanel = () => {
  const f = useRecordContext<BatchFile>();
  if (!f || f.direction !== 'INBOUND') return null;
  return (
    <Box sx={{ px: 2, pb: 2 }} role="region" aria-label="Record results">
      <Typography variant="h6" sx={{ mt: 1, mb: 1 }}>
        Records
      </Typography>
      <ReferenceManyField<BatchFile, BatchFileLine>
        reference="batch-file-records"
        target="batchFileId"
        source="id"
        perPage={50}
        pagination={<Pagination rowsPerPageOptions={[50, 100, 250]} />}
      >
        <DataTable
          rowClick={false}
          bulkActionButtons={false}
          empty={
            <Typography variant="body2" color="text.secondary">
              No records processed yet.
            </Typography>
          }
        >
          <Line source="line" disableSort />
          <Line source="externalId" label="ExternalID" disableSort field={MonoField} />
          <Line source="merchantId" label="MerchantID" disableSort field={MonoField} />
          <Line source="action" disableSort />
          <Line source="amountCents" label="Amount" align="right" disableSort>
            <CentsField source="amountCents" />
          </Line>
          <Line source="result" disableSort>
            <StatusChipField source="result" states={RECORD_RESULTS} />
          </Line>
          <Line source="transactionId" label="Transaction" disableSort field={MonoField} />
          <Line
            source="responseCode"
            label="Response"
            disableSort
            render={(r) => `${r.responseCode} ${r.responseMessage}`.trim() || '—'}
          />
          <Line
            source="errorText"
            label="Error"
            disableSort
            render={(r) => (r.duplicate ? 'Already processed (not charged again)' : r.errorText || '—')}
          />
        </DataTable>
      </ReferenceManyField>
    </Box>
  );
};

export const BatchFileShow = () => (
  <Show<BatchFile> title={<Title />} actions={<Actions />}>
    <SimpleShowLayout>
      <MonoField source="name" label="Name" />
      <StatusChipField source="kind" label="Kind" states={BATCH_FILE_KINDS} />
      <StatusChipField source="status" label="Status" states={BATCH_FILE_STATUSES} />
      <TextField source="direction" />
      <FunctionField<BatchFile>
        label="From"
        render={(f) => (f.username ? `SFTP account ${f.username}` : `Merchant ${f.merchantId ?? '—'}`)}
      />
      <NumberField source="recordCount" label="Records" />
      <FunctionField<BatchFile> label="Results" render={() => <BatchFileProgress />} />
      <CentsField source="netCents" label="Net" />
      <FunctionField<BatchFile> label="Size" render={(f) => formatBytes(f.size)} />
      <DateTimeField source="createdAt" label="Received / created" />
      <DateTimeField source="processedAt" label="Processed" emptyText="—" />
      <FunctionField<BatchFile>
        label="Errors"
        render={(f) => (f.errors.length ? f.errors.join('; ') : 'None')}
      />
    </SimpleShowLayout>
    <RecordsPanel />
  </Show>
);
