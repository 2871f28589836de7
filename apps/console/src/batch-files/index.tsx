import DescriptionIcon from '@mui/icons-material/DescriptionOutlined';
import type { BatchFile } from '../api/settlementTypes';
import { BatchFileList } from './BatchFileList';
import { BatchFileShow } from './BatchFileShow';

export default {
  list: BatchFileList,
  show: BatchFileShow,
  icon: DescriptionIcon,
  recordRepresentation: (record: BatchFile) => record.name,
};
