import PointOfSaleIcon from '@mui/icons-material/PointOfSaleOutlined';
import type { Outlet } from '../api/types';
import { OutletCreate } from './OutletCreate';
import { OutletEdit } from './OutletEdit';
import { OutletList } from './OutletList';
import { OutletShow } from './OutletShow';

export default {
  list: OutletList,
  show: OutletShow,
  edit: OutletEdit,
  create: OutletCreate,
  icon: PointOfSaleIcon,
  recordRepresentation: (record: Outlet) => `${record.name} (${record.storeId}/${record.terminalId})`,
};
