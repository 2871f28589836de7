import ApartmentIcon from '@mui/icons-material/ApartmentOutlined';
import type { Organization } from '../api/types';
import { OrganizationCreate } from './OrganizationCreate';
import { OrganizationList } from './OrganizationList';
import { OrganizationShow } from './OrganizationShow';

export default {
  list: OrganizationList,
  show: OrganizationShow,
  create: OrganizationCreate,
  icon: ApartmentIcon,
  recordRepresentation: (record: Organization) => record.name,
};
