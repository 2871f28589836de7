import { Module } from '@nestjs/common';
import { DataKeys } from '@conduit/payments';
import { WebhookDeliveriesService } from './deliveries.service';
import { WebhookDeliveryService } from './delivery.service';
import { WebhookEndpointsService } from './endpoints.service';
import { WebhookSamplesService } from './samples.service';

/** Endpoint configuration and review (the api), and the delivery service (the worker). */
@Module({
  providers: [DataKeys, WebhookEndpointsService, WebhookDeliveriesService, WebhookSamplesService],
  exports: [WebhookEndpointsService, WebhookDeliveriesService, WebhookSamplesService],
})
export class WebhooksAdminModule {}

@Module({
  providers: [DataKeys, WebhookDeliveryService],
  exports: [WebhookDeliveryService],
})
export class WebhookDeliveryModule {}
