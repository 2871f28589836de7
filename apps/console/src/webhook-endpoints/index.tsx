import WebhookIcon from '@mui/icons-material/WebhookOutlined';
import type { WebhookEndpoint } from '../api/webhookTypes';
import { EndpointCreate } from './EndpointCreate';
import { EndpointEdit } from './EndpointEdit';
import { EndpointList } from './EndpointList';
import { EndpointShow } from './EndpointShow';

export default {
  list: EndpointList,
  show: EndpointShow,
  edit: EndpointEdit,
  create: EndpointCreate,
  icon: WebhookIcon,
  recordRepresentation: (record: WebhookEndpoint) => record.url,
};
