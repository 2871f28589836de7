import { DataTable, DateInput, List, NumberField, SelectInput, TopToolbar } from 'react-admin';
import AccountBalanceIcon from '@mui/icons-material/AccountBalanceOutlined';
import type { Settlement } from '../api/settlementTypes';
import { EmptyState } from '../common/EmptyState';
import { BusinessDateField, CentsField, StatusChipField } from '../common/fields';
import { MerchantFilterInput } from '../common/filters';
import { SETTLEMENT_STATES, SETTLEMENT_STATUS_CHOICES } from './constants';
import { ExportSettlementsButton } from './ExportSettlementsButton';
import { DepositDateField, SettlementMerchantField } from './fields';

/** Applied by the API; business dates are merchant-local calendar days, sent as YYYY-MM-DD. */
const settlementFilters = [
  <MerchantFilterInput key="merchantId" source="merchantId" alwaysOn />,
  <SelectInput key="status" source="status" choices={SETTLEMENT_STATUS_CHOICES} alwaysOn />,
  <DateInput key="businessDateFrom" source="businessDateFrom" alwaysOn />,
  <DateInput key="businessDateTo" source="businessDateTo" alwaysOn />,
];

const ListActions = () => (
  <TopToolbar>
    <ExportSettlementsButton />
  </TopToolbar>
);

const Column = DataTable.Col<Settlement>;

/** One row per merchant per business day. The API sorts on businessDate, closedAt and netCents only. */
export const SettlementList = () => (
  <List<Settlement>
    filters={settlementFilters}
    actions={<ListActions />}
    sort={{ field: 'businessDate', order: 'DESC' }}
    perPage={25}
    exporter={false}
    empty={
      <EmptyState
        icon={<AccountBalanceIcon />}
        title="conduit.settlements.empty_title"
        description="conduit.settlements.empty_description"
        create={false}
      />
    }
  >
    <DataTable
      rowClick="show"
      bulkActionButtons={false}
      sx={{ '& .RaDataTable-tableWrapper': { overflowX: 'auto', contain: 'inline-size' } }}
    >
      <Column source="businessDate" sortByOrder="DESC">
        <BusinessDateField source="businessDate" />
      </Column>
      <Column source="merchantName" disableSort>
        <SettlementMerchantField />
      </Column>
      <Column source="status" disableSort>
        <StatusChipField source="status" states={SETTLEMENT_STATES} />
      </Column>
      <Column source="itemCount" align="right" disableSort>
        <NumberField source="itemCount" />
      </Column>
      <Column source="grossCents" align="right" disableSort>
        <CentsField source="grossCents" />
      </Column>
      <Column source="feeCents" label="conduit.settlements.figures.fees" align="right" disableSort>
        <CentsField source="feeCents" />
      </Column>
      <Column source="netCents" align="right" sortByOrder="DESC">
        <CentsField source="netCents" />
      </Column>
      <Column source="depositCents" align="right" disableSort>
        <CentsField source="depositCents" />
      </Column>
      <Column source="depositDate" disableSort>
        <DepositDateField />
      </Column>
    </DataTable>
  </List>
);
