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
  useTranslate,
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
  const translate = useTranslate();
  return <>{f ? f.name : translate('conduit.batch_files.title')}</>;
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
  const translate = useTranslate();
  if (!f || f.direction !== 'INBOUND') return null;
  return (
    <Box sx={{ px: 2, pb: 2 }} role="region" aria-label={translate('conduit.batch_files.records.region')}>
      <Typography variant="h6" sx={{ mt: 1, mb: 1 }}>
        {translate('conduit.batch_files.records.title')}
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
              {translate('conduit.batch_files.records.none')}
            </Typography>
          }
        >
          <Line source="line" label="conduit.batch_files.records.line" disableSort />
          <Line
            source="externalId"
            label="conduit.batch_files.records.external_id"
            disableSort
            field={MonoField}
          />
          <Line
            source="merchantId"
            label="conduit.batch_files.records.merchant_id"
            disableSort
            field={MonoField}
          />
          <Line source="action" label="conduit.batch_files.records.action" disableSort />
          <Line source="amountCents" label="conduit.batch_files.records.amount" align="right" disableSort>
            <CentsField source="amountCents" />
          </Line>
          <Line source="result" label="conduit.batch_files.records.result" disableSort>
            <StatusChipField source="result" states={RECORD_RESULTS} />
          </Line>
          <Line
            source="transactionId"
            label="conduit.batch_files.records.transaction"
            disableSort
            field={MonoField}
          />
          <Line
            source="responseCode"
            label="conduit.batch_files.records.response"
            disableSort
            render={(r) => `${r.responseCode} ${r.responseMessage}`.trim() || '—'}
          />
          <Line
            source="errorText"
            label="conduit.batch_files.records.error"
            disableSort
            render={(r) =>
              r.duplicate ? translate('conduit.batch_files.records.duplicate') : r.errorText || '—'
            }
          />
        </DataTable>
      </ReferenceManyField>
    </Box>
  );
};

export const BatchFileShow = () => {
  const translate = useTranslate();
  return (
    <Show<BatchFile> title={<Title />} actions={<Actions />}>
      <SimpleShowLayout>
        <MonoField source="name" />
        <StatusChipField source="kind" states={BATCH_FILE_KINDS} />
        <StatusChipField source="status" states={BATCH_FILE_STATUSES} />
        <TextField source="direction" />
        <FunctionField<BatchFile>
          label="conduit.batch_files.from"
          render={(f) =>
            f.username
              ? translate('conduit.batch_files.from_account', { username: f.username })
              : translate('conduit.batch_files.from_merchant', { merchantId: f.merchantId ?? '—' })
          }
        />
        <NumberField source="recordCount" />
        <FunctionField<BatchFile> label="conduit.batch_files.results" render={() => <BatchFileProgress />} />
        <CentsField source="netCents" />
        <FunctionField<BatchFile> label="conduit.batch_files.size" render={(f) => formatBytes(f.size)} />
        <DateTimeField source="createdAt" />
        <DateTimeField source="processedAt" emptyText="—" />
        <FunctionField<BatchFile>
          label="conduit.batch_files.errors"
          render={(f) => (f.errors.length ? f.errors.join('; ') : translate('conduit.common.none'))}
        />
      </SimpleShowLayout>
      <RecordsPanel />
    </Show>
  );
};
