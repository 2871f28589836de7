import GavelIcon from '@mui/icons-material/GavelOutlined';
import type { Dispute } from '../api/settlementTypes';
import { DisputeList } from './DisputeList';
import { DisputeShow } from './DisputeShow';

export default {
  list: DisputeList,
  show: DisputeShow,
  icon: GavelIcon,
  recordRepresentation: (record: Dispute) => `Dispute ${record.disputeId}`,
};
