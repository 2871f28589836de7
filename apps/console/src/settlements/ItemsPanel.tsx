import type { MouseEvent } from 'react';
import { Tooltip, Typography } from '@mui/material';
import {
  DataTable,
  Link,
  Pagination,
  ReferenceManyField,
  useDataProvider,
  useRecordContext,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import type { ConduitDataProvider } from '../api/dataProvider';
import type { Settlement, SettlementItem } from '../api/settlementTypes';
import { DownloadButton } from '../common/DownloadButton';
import { CentsField, DateTimeField, StatusChipField } from '../common/fields';
import { paymentLabel, shortId } from '../transactions/format';
import { Nothing, Panel } from '../transactions/Panel';
import { ITEM_KIND_LABELS, ITEM_OUTCOME_STATES, tenderName } from './constants';

const mono = { fontFamily: 'monospace', letterSpacing: '0.02em', whiteSpace: 'nowrap' };

const transactionPath = (id: string) => `/transactions/${encodeURIComponent(id)}/show`;

const TransactionLink = () => {
  const item = useRecordContext<SettlementItem>();
  const translate = useTranslate();
  if (!item?.transactionId) return null;
  return (
    <Tooltip title={item.transactionId}>
      <Link
        to={transactionPath(item.transactionId)}
        onClick={(event: MouseEvent) => event.stopPropagation()}
        sx={mono}
        aria-label={translate('conduit.transactions.transaction_label', { id: item.transactionId })}
      >
        {shortId(item.transactionId)}
      </Link>
    </Tooltip>
  );
};

const PaymentCell = () => {
  const item = useRecordContext<SettlementItem>();
  const label = item ? paymentLabel(item) : null;
  return (
    <Typography component="span" variant="body2" sx={mono}>
      {label ?? '—'}
    </Typography>
  );
};

const Column = DataTable.Col<SettlementItem>;

const openTransaction = (_id: unknown, _resource: string, record: RaRecord) =>
  transactionPath(String((record as SettlementItem).transactionId));

const DownloadItemsButton = () => {
  const record = useRecordContext<Settlement>();
  const dataProvider = useDataProvider<ConduitDataProvider>();
  if (!record) return null;
  return (
    <DownloadButton
      label="conduit.settlements.items.download"
      fetchFile={() => dataProvider.exportSettlementItems(String(record.id))}
      filename={`settlement-${record.settlementBatchId || record.id}-items.csv`}
      disabled={!record.itemCount}
      testId="settlement-items-export"
    />
  );
};

/** Every transaction the batch settled (or failed to), each opening its transaction page. */
export const ItemsPanel = () => {
  const record = useRecordContext<Settlement>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Panel
      title="conduit.settlements.items.title"
      subheader="conduit.settlements.items.subheader"
      action={<DownloadItemsButton />}
    >
      <ReferenceManyField<Settlement, SettlementItem>
        reference="settlement-items"
        target="settlementId"
        source="id"
        perPage={25}
        pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}
      >
        <DataTable
          rowClick={openTransaction}
          bulkActionButtons={false}
          empty={<Nothing text="conduit.settlements.no_items" />}
          sx={{ '& .RaDataTable-tableWrapper': { overflowX: 'auto', contain: 'inline-size' } }}
        >
          <Column source="capturedAt" label="conduit.settlements.items.captured" disableSort>
            <DateTimeField source="capturedAt" />
          </Column>
          <Column
            source="kind"
            label="conduit.settlements.items.kind"
            disableSort
            render={(item) =>
              ITEM_KIND_LABELS[item.kind] ? translate(ITEM_KIND_LABELS[item.kind]) : item.kind
            }
          />
          <Column source="transactionId" label="conduit.settlements.items.transaction" disableSort>
            <TransactionLink />
          </Column>
          <Column
            source="tender"
            label="conduit.settlements.items.tender"
            disableSort
            render={(item) => tenderName(item.tender, translate)}
          />
          <Column label="conduit.settlements.items.payment" disableSort>
            <PaymentCell />
          </Column>
          <Column source="patientId" label="conduit.settlements.items.patient" disableSort />
          <Column source="amountCents" label="conduit.settlements.items.amount" align="right" disableSort>
            <CentsField source="amountCents" />
          </Column>
          <Column source="feeCents" label="conduit.settlements.items.fee" align="right" disableSort>
            <CentsField source="feeCents" />
          </Column>
          <Column source="outcome" label="conduit.settlements.items.outcome" disableSort>
            <StatusChipField source="outcome" states={ITEM_OUTCOME_STATES} />
          </Column>
        </DataTable>
      </ReferenceManyField>
    </Panel>
  );
};
