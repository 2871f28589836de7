import LinkIcon from '@mui/icons-material/LinkOutlined';
import {
  CreateButton,
  Datagrid,
  ExportButton,
  FilterButton,
  List,
  SelectInput,
  TextField,
  TextInput,
  TopToolbar,
} from 'react-admin';
import { EmptyState } from '../common/EmptyState';
import { TakePayment } from './TakePayment';
import { DateTimeField, MonoField, StatusChipField, type StatusChipFieldProps } from '../common/fields';

const STATES: StatusChipFieldProps['states'] = {
  NEW: ['conduit.sso_tokens.states.new', 'info'],
  COMPLETE: ['conduit.sso_tokens.states.complete', 'success'],
  EXPIRED: ['conduit.sso_tokens.states.expired', 'default'],
};

const filters = [
  <SelectInput
    key="status"
    source="status"
    choices={Object.entries(STATES).map(([id, [name]]) => ({ id, name }))}
    alwaysOn
  />,
  <TextInput key="merchantId" source="merchantId" />,
];

/** Hosted payment page links: status, created, expires, transaction (the token itself is never kept). */
const actions = (
  <TopToolbar>
    <FilterButton />
    <CreateButton label="conduit.merchants.take_payment" />
    <ExportButton />
  </TopToolbar>
);

const SsoTokenList = () => (
  <List
    filters={filters}
    sort={{ field: 'createdAt', order: 'DESC' }}
    actions={actions}
    empty={
      <EmptyState
        icon={<LinkIcon />}
        title="conduit.sso_tokens.empty_title"
        description="conduit.sso_tokens.empty_description"
        createLabel="conduit.merchants.take_payment"
      />
    }
  >
    <Datagrid bulkActionButtons={false} rowClick={false}>
      <DateTimeField source="createdAt" />
      <StatusChipField source="status" states={STATES} />
      <TextField sortable={false} source="merchantId" />
      <TextField sortable={false} source="action" />
      <TextField sortable={false} source="amount" emptyText="conduit.sso_tokens.payer_enters" />
      <TextField sortable={false} source="patientId" emptyText="—" />
      <DateTimeField source="expiresAt" />
      <MonoField sortable={false} source="transactionId" />
      <TextField sortable={false} source="createdBy" />
    </Datagrid>
  </List>
);

export default { list: SsoTokenList, create: TakePayment, icon: LinkIcon };
