import OutboxIcon from '@mui/icons-material/OutboxOutlined';
import type { WebhookDeliveryRecord } from '../api/webhookTypes';
import { DeliveryList } from './DeliveryList';
import { DeliveryShow } from './DeliveryShow';

export default {
  list: DeliveryList,
  show: DeliveryShow,
  icon: OutboxIcon,
  recordRepresentation: (record: WebhookDeliveryRecord) => record.webhookId,
};
