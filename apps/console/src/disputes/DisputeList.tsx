import { DataTable, List, SelectInput } from 'react-admin';
import GavelIcon from '@mui/icons-material/GavelOutlined';
import type { Dispute } from '../api/settlementTypes';
import { EmptyState } from '../common/EmptyState';
import { CentsField, DateTimeField, MonoField, StatusChipField } from '../common/fields';
import { MerchantFilterInput } from '../common/filters';
import { DISPUTE_STATES, DISPUTE_STATUS_CHOICES } from './constants';
import { DisputeCardField, DueField, ReasonField } from './fields';

const disputeFilters = [
  <SelectInput key="status" source="status" label="Status" choices={DISPUTE_STATUS_CHOICES} alwaysOn />,
  <MerchantFilterInput key="merchantId" source="merchantId" alwaysOn />,
];

const Column = DataTable.Col<Dispute>;

/** Card chargebacks and what the practice answered; the newest first. */
export const DisputeList = () => (
  <List<Dispute>
    title="Disputes"
    filters={disputeFilters}
    sort={{ field: 'openedAt', order: 'DESC' }}
    perPage={25}
    exporter={false}
    empty={
      <EmptyState
        icon={<GavelIcon />}
        title="No disputes"
        description="When a cardholder disputes a settled payment, the chargeback and its response deadline appear here."
        create={false}
      />
    }
  >
    <DataTable
      rowClick="show"
      bulkActionButtons={false}
      sx={{ '& .RaDataTable-tableWrapper': { overflowX: 'auto', contain: 'inline-size' } }}
    >
      <Column source="openedAt" label="Opened" sortByOrder="DESC">
        <DateTimeField source="openedAt" />
      </Column>
      <Column source="status" disableSort>
        <StatusChipField source="status" states={DISPUTE_STATES} />
      </Column>
      <Column source="reasonCode" label="Reason" disableSort>
        <ReasonField />
      </Column>
      <Column source="amountCents" label="Amount" align="right" disableSort>
        <CentsField source="amountCents" />
      </Column>
      <Column label="Card" disableSort>
        <DisputeCardField />
      </Column>
      <Column source="dueAt" label="Response due" sortByOrder="ASC">
        <DueField />
      </Column>
      <Column source="merchantId" label="MerchantID" disableSort field={MonoField} />
      <Column source="patientId" label="Patient" disableSort />
    </DataTable>
  </List>
);
