import { DataTable, FilterButton, List, ReferenceField, TextField, TopToolbar } from 'react-admin';
import ReceiptIcon from '@mui/icons-material/ReceiptLongOutlined';
import type { Transaction } from '../api/types';
import { EmptyState } from '../common/EmptyState';
import { MonoField } from '../common/fields';
import { ExportCsvButton } from './ExportCsvButton';
import {
  AmountField,
  CreatedAtField,
  OutletField,
  PatientNameField,
  PaymentField,
  TransactionIdField,
  TransactionStatusField,
  WorkflowStatusField,
} from './fields';
import { transactionFilters } from './filters';

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
    <ExportCsvButton />
  </TopToolbar>
);

const Column = DataTable.Col<Transaction>;

/** Columns without `disableSort` are the ones the API sorts on (it answers 400 for any other). */
export const TransactionList = () => (
  <List<Transaction>
    title="Transactions"
    filters={transactionFilters}
    actions={<ListActions />}
    sort={{ field: 'createdAt', order: 'DESC' }}
    perPage={25}
    exporter={false}
    empty={
      <EmptyState
        icon={<ReceiptIcon />}
        title="No transactions yet"
        description="Payments taken through the NVP and REST APIs appear here as soon as they are processed."
        create={false}
      />
    }
  >
    <DataTable
      rowClick="show"
      bulkActionButtons={false}
      // Scroll the table, not the page, when its columns need more room than the screen has.
      sx={{ '& .RaDataTable-tableWrapper': { overflowX: 'auto', contain: 'inline-size' } }}
    >
      <Column source="createdAt" label="Date" sortByOrder="DESC">
        <CreatedAtField />
      </Column>
      <Column source="transactionId" label="Transaction ID" disableSort>
        <TransactionIdField />
      </Column>
      <Column source="merchantId" label="Merchant" disableSort>
        <ReferenceField source="merchantId" reference="merchants" link="show">
          <TextField source="name" />
        </ReferenceField>
      </Column>
      <Column label="Outlet" disableSort>
        <OutletField />
      </Column>
      <Column source="action" />
      <Column source="tender" />
      <Column source="status">
        <TransactionStatusField />
      </Column>
      <Column source="amountCents" label="Amount" align="right" sortByOrder="DESC">
        <AmountField />
      </Column>
      <Column label="Card / account" disableSort>
        <PaymentField />
      </Column>
      <Column label="Patient" disableSort>
        <PatientNameField />
      </Column>
      <Column source="responseCode" label="Response" field={MonoField} />
      <Column source="workflowStatus" label="Posting" disableSort>
        <WorkflowStatusField />
      </Column>
    </DataTable>
  </List>
);
