import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { PaymentsHttpModule } from '../../payments-http/payments-http.module';

/** The REST interface's OpenAPI 3 document, generated from the controller and schema classes. */
export function restOpenApi(app: INestApplication, version: string) {
  const config = new DocumentBuilder()
    .setTitle('Conduit REST payments API')
    .setDescription(
      'Card and eCheck payments for healthcare practices. JSON in and out; money as decimal strings ("25.00"); field names are matched case-insensitively. ' +
        'A decline is a normal 200 answer; errors carry a ReferenceNumber. See also the NVP interface at /payment/NVP.aspx.',
    )
    .setVersion(version)
    .addApiKey({ type: 'apiKey', in: 'header', name: 'Api-Key' }, 'Api-Key')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'Api-Secret' }, 'Api-Secret')
    .build();
  const document = SwaggerModule.createDocument(app, config, { include: [PaymentsHttpModule] });
  for (const path of Object.keys(document.paths)) if (!path.startsWith('/rest/')) delete document.paths[path];
  return document;
}

export function serveRestDocs(app: INestApplication, version: string) {
  SwaggerModule.setup('rest/docs', app, restOpenApi(app, version), {
    jsonDocumentUrl: 'rest/openapi.json',
    yamlDocumentUrl: 'rest/openapi.yaml',
  });
}
