import EventRepeatIcon from '@mui/icons-material/EventRepeatOutlined';
import { patientName } from './fields';
import { PaymentPlanList } from './PaymentPlanList';
import { PaymentPlanShow } from './PaymentPlanShow';
import type { PaymentPlan } from './types';

export default {
  list: PaymentPlanList,
  show: PaymentPlanShow,
  icon: EventRepeatIcon,
  recordRepresentation: (record: PaymentPlan) => `${patientName(record.patient)} · ${record.type}`,
};
