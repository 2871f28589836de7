import KeyIcon from '@mui/icons-material/KeyOutlined';
import type { Credential } from '../api/types';
import { CredentialCreate } from './CredentialCreate';
import { CredentialEdit } from './CredentialEdit';
import { CredentialList } from './CredentialList';
import { CredentialShow } from './CredentialShow';

export default {
  list: CredentialList,
  show: CredentialShow,
  edit: CredentialEdit,
  create: CredentialCreate,
  icon: KeyIcon,
  recordRepresentation: (record: Credential) => record.identifier,
};
