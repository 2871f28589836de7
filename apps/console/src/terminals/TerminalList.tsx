import { AutocompleteInput, DataTable, List, ReferenceInput, SelectInput } from 'react-admin';
import TerminalIcon from '@mui/icons-material/ContactlessOutlined';
import type { Terminal } from '../api/terminalTypes';
import { EmptyState } from '../common/EmptyState';
import { StatusChipField } from '../common/fields';
import { TERMINAL_STATES, TERMINAL_STATUS_CHOICES } from './constants';
import {
  CurrentActionField,
  LastSeenField,
  MerchantDateTimeField,
  ModelField,
  OnlineField,
  TerminalOutletField,
} from './fields';

const terminalFilters = [
  <ReferenceInput
    key="merchantId"
    source="merchantId"
    reference="merchants"
    sort={{ field: 'name', order: 'ASC' }}
    alwaysOn
  >
    <AutocompleteInput sx={{ minWidth: 280 }} />
  </ReferenceInput>,
  <SelectInput key="status" source="status" choices={TERMINAL_STATUS_CHOICES} />,
];

const Column = DataTable.Col<Terminal>;

/** Online/offline comes from the live connections: the list asks again every 10 seconds. */
const REFRESH_MS = 10_000;

export const TerminalList = () => (
  <List<Terminal>
    filters={terminalFilters}
    sort={{ field: 'createdAt', order: 'DESC' }}
    perPage={25}
    exporter={false}
    queryOptions={{ refetchInterval: REFRESH_MS }}
    empty={
      <EmptyState
        icon={<TerminalIcon />}
        title="conduit.terminals.empty_title"
        description="conduit.terminals.empty_description"
        createLabel="conduit.terminals.new"
      />
    }
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <Column source="label" />
      <Column disableSort source="outletId" label="conduit.terminals.outlet">
        <TerminalOutletField />
      </Column>
      <Column disableSort source="model">
        <ModelField />
      </Column>
      <Column source="status">
        <StatusChipField source="status" states={TERMINAL_STATES} />
      </Column>
      <Column disableSort source="online">
        <OnlineField />
      </Column>
      <Column source="lastSeenAt">
        <LastSeenField />
      </Column>
      <Column disableSort source="currentAction">
        <CurrentActionField />
      </Column>
      <Column source="createdAt">
        <MerchantDateTimeField source="createdAt" />
      </Column>
    </DataTable>
  </List>
);
