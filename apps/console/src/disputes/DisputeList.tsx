import { DataTable, List, SelectInput } from 'react-admin';
import GavelIcon from '@mui/icons-material/GavelOutlined';
import type { Dispute } from '../api/settlementTypes';
import { EmptyState } from '../common/EmptyState';
import { CentsField, DateTimeField, MonoField, StatusChipField } from '../common/fields';
import { MerchantFilterInput } from '../common/filters';
import { DISPUTE_STATES, DISPUTE_STATUS_CHOICES } from './constants';
import { DisputeCardField, DueField, ReasonField } from './fields';

const disputeFilters = [
  <SelectInput key="status" source="status" choices={DISPUTE_STATUS_CHOICES} alwaysOn />,
  <MerchantFilterInput key="merchantId" source="merchantId" alwaysOn />,
];

const Column = DataTable.Col<Dispute>;

/** Card chargebacks and what the practice answered; the newest first. */
export const DisputeList = () => (
  <List<Dispute>
    filters={disputeFilters}
    sort={{ field: 'openedAt', order: 'DESC' }}
    perPage={25}
    exporter={false}
    empty={
      <EmptyState
        icon={<GavelIcon />}
        title="conduit.disputes.empty_title"
        description="conduit.disputes.empty_description"
        create={false}
      />
    }
  >
    <DataTable
      rowClick="show"
      bulkActionButtons={false}
      sx={{ '& .RaDataTable-tableWrapper': { overflowX: 'auto', contain: 'inline-size' } }}
    >
      <Column source="openedAt" sortByOrder="DESC">
        <DateTimeField source="openedAt" />
      </Column>
      <Column source="status" disableSort>
        <StatusChipField source="status" states={DISPUTE_STATES} />
      </Column>
      <Column source="reasonCode" disableSort>
        <ReasonField />
      </Column>
      <Column source="amountCents" align="right" disableSort>
        <CentsField source="amountCents" />
      </Column>
      <Column label="conduit.disputes.card" disableSort>
        <DisputeCardField />
      </Column>
      <Column source="dueAt" sortByOrder="ASC">
        <DueField />
      </Column>
      <Column source="merchantId" disableSort field={MonoField} />
      <Column source="patientId" disableSort />
    </DataTable>
  </List>
);
