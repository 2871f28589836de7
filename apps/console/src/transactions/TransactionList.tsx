import { Box, Typography, useMediaQuery, type Theme } from '@mui/material';
import {
  DataTable,
  FilterButton,
  List,
  ReferenceField,
  SimpleList,
  TextField,
  TopToolbar,
  useTranslate,
} from 'react-admin';
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

/** Action over tender ("Sale" / "Card"): one narrow column instead of two. */
const ActionTenderField = () => (
  <Box sx={{ whiteSpace: 'nowrap' }}>
    <TextField source="action" variant="body2" sx={{ display: 'block' }} />
    <TextField source="tender" variant="caption" color="text.secondary" />
  </Box>
);

const MerchantNameField = () => (
  <ReferenceField source="merchantId" reference="merchants" link={false}>
    <TextField source="name" variant="caption" color="text.secondary" />
  </ReferenceField>
);

/**
 * A phone shows one row per payment: amount and status, card and time, merchant; the full table
 * needs at least a tablet's width.
 */
const PhoneList = () => (
  <SimpleList<Transaction>
    linkType="show"
    primaryText={
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <AmountField />
        <TransactionStatusField />
      </Box>
    }
    secondaryText={
      <Box component="span" sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'baseline' }}>
        <PaymentField />
        <CreatedAtField />
      </Box>
    }
    tertiaryText={<MerchantNameField />}
    rowSx={() => ({ borderBottom: 1, borderColor: 'divider' })}
  />
);

/**
 * The table. Below 1200 px (a tablet) it drops the posting column, shown on each transaction; columns that belong
 * together share one (action over tender). Columns without `disableSort` are the ones the API
 * sorts on (it answers 400 for any other; scripts/console/list-sorts.spec.ts checks them).
 */
const TransactionTable = () => {
  const wide = useMediaQuery((theme: Theme) => theme.breakpoints.up('lg'));
  return (
    <DataTable
      rowClick="show"
      bulkActionButtons={false}
      size="small"
      // Scroll the table, not the page, when its columns need more room than the screen has.
      sx={{
        '& .RaDataTable-tableWrapper': { overflowX: 'auto', contain: 'inline-size' },
        '& .MuiTableCell-root': { px: 1, verticalAlign: 'top' },
        '& .MuiTableCell-head': { whiteSpace: 'nowrap' },
      }}
    >
      <Column source="createdAt" sortByOrder="DESC">
        <CreatedAtField />
      </Column>
      <Column source="transactionId" disableSort>
        <TransactionIdField />
      </Column>
      <Column source="merchantId" disableSort>
        <ReferenceField source="merchantId" reference="merchants" link="show">
          <TextField source="name" />
        </ReferenceField>
      </Column>
      <Column source="outlet" disableSort>
        <OutletField />
      </Column>
      <Column source="action">
        <ActionTenderField />
      </Column>
      <Column source="status">
        <TransactionStatusField />
      </Column>
      <Column source="amountCents" align="right" sortByOrder="DESC">
        <AmountField />
      </Column>
      <Column source="payment" disableSort>
        <PaymentField />
      </Column>
      <Column source="patient" disableSort>
        <PatientNameField />
      </Column>
      <Column source="responseCode" field={MonoField} />
      {wide && (
        <Column source="workflowStatus" disableSort>
          <WorkflowStatusField />
        </Column>
      )}
    </DataTable>
  );
};

export const TransactionList = () => {
  const translate = useTranslate();
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  return (
    <List<Transaction>
      filters={transactionFilters}
      actions={<ListActions />}
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={25}
      exporter={false}
      empty={
        <EmptyState
          icon={<ReceiptIcon />}
          title={translate('conduit.transactions.empty_title')}
          description={translate('conduit.transactions.empty_description')}
          create={false}
        />
      }
    >
      <Typography variant="caption" color="text.secondary" sx={{ px: 2, pt: 1, display: 'block' }}>
        {translate('conduit.time.zone_note')}
      </Typography>
      {phone ? <PhoneList /> : <TransactionTable />}
    </List>
  );
};
