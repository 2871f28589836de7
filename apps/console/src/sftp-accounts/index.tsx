import StorageIcon from '@mui/icons-material/StorageOutlined';
import { SftpAccountCreate } from './SftpAccountCreate';
import { SftpAccountEdit } from './SftpAccountEdit';
import { SftpAccountList } from './SftpAccountList';
import { SftpAccountShow } from './SftpAccountShow';
import type { SftpAccount } from './types';

export default {
  list: SftpAccountList,
  show: SftpAccountShow,
  edit: SftpAccountEdit,
  create: SftpAccountCreate,
  icon: StorageIcon,
  recordRepresentation: (record: SftpAccount) => record.username,
};
