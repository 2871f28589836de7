import {
  ReferenceField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { Terminal } from '../api/terminalTypes';
import { ChipListField, MonoField, StatusChipField } from '../common/fields';
import { TERMINAL_STATES } from './constants';
import {
  CurrentActionField,
  LastSeenField,
  MerchantDateTimeField,
  OnlineField,
  TerminalOutletField,
} from './fields';
import { PairingCodeButton } from './PairingCodeButton';
import { RevokeButton } from './RevokeButton';

const TerminalTitle = () => {
  const record = useRecordContext<Terminal>();
  const translate = useTranslate();
  return (
    <>
      {record
        ? translate('conduit.terminals.title_named', { label: record.label })
        : translate('conduit.terminals.title')}
    </>
  );
};

/** The buttons hide themselves for roles that may only read (finance). */
const Actions = () => (
  <TopToolbar>
    <PairingCodeButton />
    <RevokeButton />
  </TopToolbar>
);

export const TerminalShow = () => (
  <Show<Terminal> title={<TerminalTitle />} actions={<Actions />} queryOptions={{ refetchInterval: 10_000 }}>
    <SimpleShowLayout>
      <TextField source="label" />
      <StatusChipField source="status" states={TERMINAL_STATES} />
      <OnlineField source="online" />
      <LastSeenField source="lastSeenAt" />
      <ReferenceField source="merchantId" reference="merchants" link="show" />
      <TerminalOutletField source="outletId" label="conduit.terminals.outlet" />
      <MonoField source="terminalDeviceId" />
      <TextField source="model" emptyText="—" />
      <MonoField source="serialNumber" />
      <TextField source="firmware" emptyText="—" />
      <ChipListField source="capabilities" />
      <CurrentActionField source="currentAction" />
      <MerchantDateTimeField source="pairedAt" />
      <MerchantDateTimeField source="pairingCodeExpiresAt" />
      <MerchantDateTimeField source="createdAt" />
    </SimpleShowLayout>
  </Show>
);
