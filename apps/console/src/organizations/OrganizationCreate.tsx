import { Create, RadioButtonGroupInput, SimpleForm, TextInput, regex, required } from 'react-admin';
import type { Organization } from '../api/types';
import { KIND_CHOICES } from './constants';

const slugFormat = regex(
  /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
  'Lowercase letters, digits and single hyphens, e.g. riverside-health',
);

export const OrganizationCreate = () => (
  <Create<Organization> title="New organization" redirect="show">
    <SimpleForm sx={{ maxWidth: 560 }} defaultValues={{ kind: 'PRACTICE' }}>
      <TextInput source="name" validate={required()} helperText="Legal or trading name" />
      <TextInput
        source="slug"
        validate={[required(), slugFormat]}
        helperText="Used in Account IDs (name@slug)"
      />
      <RadioButtonGroupInput source="kind" choices={KIND_CHOICES} validate={required()} />
    </SimpleForm>
  </Create>
);
