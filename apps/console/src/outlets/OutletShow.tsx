import { ReferenceField, Show, SimpleShowLayout, TextField, useRecordContext } from 'react-admin';
import type { Outlet } from '../api/types';
import { ACTIVE_STATES, DateTimeField, MonoField, StatusChipField } from '../common/fields';

const OutletTitle = () => {
  const record = useRecordContext<Outlet>();
  return <>{record ? `Outlet ${record.name}` : 'Outlet'}</>;
};

export const OutletShow = () => (
  <Show<Outlet> title={<OutletTitle />}>
    <SimpleShowLayout>
      <ReferenceField source="merchantId" reference="merchants" label="Merchant" link="show" />
      <MonoField source="merchantId" label="MerchantID" />
      <MonoField source="storeId" label="Store ID" />
      <MonoField source="terminalId" label="Terminal ID" />
      <TextField source="name" />
      <StatusChipField source="active" label="Status" states={ACTIVE_STATES} />
      <DateTimeField source="createdAt" label="Created" />
    </SimpleShowLayout>
  </Show>
);
