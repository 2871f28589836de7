import StorefrontIcon from '@mui/icons-material/StorefrontOutlined';
import type { Merchant } from '../api/types';
import { MerchantCreate } from './MerchantCreate';
import { MerchantEdit } from './MerchantEdit';
import { MerchantList } from './MerchantList';
import { MerchantShow } from './MerchantShow';

export default {
  list: MerchantList,
  show: MerchantShow,
  edit: MerchantEdit,
  create: MerchantCreate,
  icon: StorefrontIcon,
  recordRepresentation: (record: Merchant) => `${record.name} · ${record.merchantId}`,
};
