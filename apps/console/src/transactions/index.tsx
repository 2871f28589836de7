import ReceiptIcon from '@mui/icons-material/ReceiptLongOutlined';
import type { Transaction } from '../api/types';
import { shortId } from './format';
import { TransactionList } from './TransactionList';
import { TransactionShow } from './TransactionShow';

export default {
  list: TransactionList,
  show: TransactionShow,
  icon: ReceiptIcon,
  recordRepresentation: (record: Transaction) => `${record.action ?? 'Transaction'} ${shortId(record.id)}`,
};
