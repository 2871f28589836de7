import { Create, RadioButtonGroupInput, SimpleForm, TextInput, regex, required } from 'react-admin';
import type { Organization } from '../api/types';
import { KIND_CHOICES } from './constants';

const slugFormat = regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'conduit.organizations.validation.slug');

export const OrganizationCreate = () => (
  <Create<Organization> title="conduit.organizations.new" redirect="show">
    <SimpleForm sx={{ maxWidth: 560 }} defaultValues={{ kind: 'PRACTICE' }}>
      <TextInput source="name" validate={required()} helperText="conduit.organizations.help.name" />
      <TextInput
        source="slug"
        validate={[required(), slugFormat]}
        helperText="conduit.organizations.help.slug"
      />
      <RadioButtonGroupInput source="kind" choices={KIND_CHOICES} validate={required()} />
    </SimpleForm>
  </Create>
);
