import {
  ChipField,
  EditButton,
  ReferenceArrayField,
  ReferenceField,
  Show,
  SimpleShowLayout,
  SingleFieldList,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { Credential } from '../api/types';
import { DateTimeField, ENABLED_STATES, MonoField, StatusChipField } from '../common/fields';
import { KIND_STATES } from './constants';
import { RotateButton } from './RotateButton';

const CredentialTitle = () => {
  const record = useRecordContext<Credential>();
  const translate = useTranslate();
  return (
    <>
      {record
        ? translate('conduit.credentials.title_named', { identifier: record.identifier })
        : translate('conduit.credentials.title')}
    </>
  );
};

const Actions = () => (
  <TopToolbar>
    <RotateButton />
    <EditButton />
  </TopToolbar>
);

export const CredentialShow = () => {
  const translate = useTranslate();
  return (
    <Show<Credential> title={<CredentialTitle />} actions={<Actions />}>
      <SimpleShowLayout>
        <MonoField source="identifier" />
        <StatusChipField source="kind" states={KIND_STATES} />
        <TextField source="description" emptyText="—" />
        <StatusChipField source="enabled" label="conduit.credentials.status" states={ENABLED_STATES} />
        <ReferenceArrayField source="merchantIds" reference="merchants">
          <SingleFieldList linkType="show" empty={<>{translate('conduit.common.none')}</>}>
            <ChipField source="name" size="small" />
          </SingleFieldList>
        </ReferenceArrayField>
        <ReferenceField source="organizationId" reference="organizations" link={false} />
        <DateTimeField source="lastUsedAt" emptyText="conduit.users.never" />
        <DateTimeField source="rotatedAt" emptyText="conduit.users.never" />
        <DateTimeField source="createdAt" />
      </SimpleShowLayout>
    </Show>
  );
};
