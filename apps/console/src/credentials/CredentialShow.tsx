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
} from 'react-admin';
import type { Credential } from '../api/types';
import { DateTimeField, ENABLED_STATES, MonoField, StatusChipField } from '../common/fields';
import { KIND_STATES } from './constants';
import { RotateButton } from './RotateButton';

const CredentialTitle = () => {
  const record = useRecordContext<Credential>();
  return <>{record ? `Credential ${record.identifier}` : 'Credential'}</>;
};

const Actions = () => (
  <TopToolbar>
    <RotateButton />
    <EditButton />
  </TopToolbar>
);

export const CredentialShow = () => (
  <Show<Credential> title={<CredentialTitle />} actions={<Actions />}>
    <SimpleShowLayout>
      <MonoField source="identifier" label="Identifier" />
      <StatusChipField source="kind" label="Kind" states={KIND_STATES} />
      <TextField source="description" emptyText="—" />
      <StatusChipField source="enabled" label="Status" states={ENABLED_STATES} />
      <ReferenceArrayField source="merchantIds" reference="merchants" label="Merchants">
        <SingleFieldList linkType="show" empty={<>None</>}>
          <ChipField source="name" size="small" />
        </SingleFieldList>
      </ReferenceArrayField>
      <ReferenceField source="organizationId" reference="organizations" label="Organization" link={false} />
      <DateTimeField source="lastUsedAt" label="Last used" emptyText="Never" />
      <DateTimeField source="rotatedAt" label="Last rotated" emptyText="Never" />
      <DateTimeField source="createdAt" label="Created" />
    </SimpleShowLayout>
  </Show>
);
