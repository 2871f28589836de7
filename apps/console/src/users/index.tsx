import PeopleIcon from '@mui/icons-material/PeopleAltOutlined';
import type { User } from '../api/types';
import { UserCreate } from './UserCreate';
import { UserEdit } from './UserEdit';
import { UserList } from './UserList';

export default {
  list: UserList,
  edit: UserEdit,
  create: UserCreate,
  icon: PeopleIcon,
  recordRepresentation: (record: User) => record.name || record.email,
};
