import TerminalIcon from '@mui/icons-material/ContactlessOutlined';
import type { Terminal } from '../api/terminalTypes';
import { TerminalCreate } from './TerminalCreate';
import { TerminalList } from './TerminalList';
import { TerminalShow } from './TerminalShow';

export default {
  list: TerminalList,
  show: TerminalShow,
  create: TerminalCreate,
  icon: TerminalIcon,
  recordRepresentation: (record: Terminal) => `${record.label} (${record.storeId}/${record.terminalId})`,
};
