import AccountBalanceIcon from '@mui/icons-material/AccountBalanceOutlined';
import type { Settlement } from '../api/settlementTypes';
import { formatBusinessDate } from '../common/dates';
import { SettlementList } from './SettlementList';
import { SettlementShow } from './SettlementShow';

export default {
  list: SettlementList,
  show: SettlementShow,
  icon: AccountBalanceIcon,
  recordRepresentation: (record: Settlement) =>
    `${record.merchantName || record.merchantId} · ${formatBusinessDate(record.businessDate)}`,
};
