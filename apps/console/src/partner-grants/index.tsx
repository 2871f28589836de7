import HandshakeIcon from '@mui/icons-material/HandshakeOutlined';
import type { PartnerGrant } from '../api/types';
import { PartnerGrantCreate } from './PartnerGrantCreate';
import { PartnerGrantList } from './PartnerGrantList';

export default {
  list: PartnerGrantList,
  create: PartnerGrantCreate,
  icon: HandshakeIcon,
  recordRepresentation: (record: PartnerGrant) => `${record.partnerOrganizationName} → ${record.merchantId}`,
};
