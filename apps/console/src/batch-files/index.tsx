import DescriptionIcon from '@mui/icons-material/DescriptionOutlined';
import type { BatchFile } from '../api/settlementTypes';
import { BatchFileList } from './BatchFileList';

export default {
  list: BatchFileList,
  icon: DescriptionIcon,
  recordRepresentation: (record: BatchFile) => record.name,
};
