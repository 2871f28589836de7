import {
  ReferenceField,
  Show,
  SimpleShowLayout,
  TextField,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { Outlet } from '../api/types';
import { ACTIVE_STATES, DateTimeField, MonoField, StatusChipField } from '../common/fields';

const OutletTitle = () => {
  const record = useRecordContext<Outlet>();
  const translate = useTranslate();
  return (
    <>
      {record
        ? translate('conduit.outlets.title_named', { name: record.name })
        : translate('conduit.outlets.title')}
    </>
  );
};

export const OutletShow = () => (
  <Show<Outlet> title={<OutletTitle />}>
    <SimpleShowLayout>
      <ReferenceField source="merchantId" reference="merchants" link="show" />
      <MonoField source="merchantId" label="conduit.outlets.merchant_id" />
      <MonoField source="storeId" />
      <MonoField source="terminalId" />
      <TextField source="name" />
      <StatusChipField source="active" label="conduit.outlets.status" states={ACTIVE_STATES} />
      <DateTimeField source="createdAt" />
    </SimpleShowLayout>
  </Show>
);
