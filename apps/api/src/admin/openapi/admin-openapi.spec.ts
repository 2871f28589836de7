import 'reflect-metadata';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OpenAPIObject } from '@nestjs/swagger';
import { CreateMerchantDto, UpdateMerchantDto } from '../dto';
import { buildAdminOpenApi } from './document';
import { dtoSchema } from './dto-schema';
import { ADMIN_OPERATIONS } from './operations';

let document: OpenAPIObject;

beforeAll(async () => {
  document = await buildAdminOpenApi('0.1.0');
}, 60_000);

// The committed console types are checked against the served document in
// test/e2e/admin-openapi.e2e-spec.ts (and by `node scripts/admin-openapi.mjs --check`).
describe('the admin OpenAPI document', () => {
  it('gives every operation a documented answer and the error shape', () => {
    for (const [p, item] of Object.entries(document.paths))
      for (const [method, op] of Object.entries(item as Record<string, { responses: object }>)) {
        const codes = Object.keys(op.responses);
        expect(
          codes.some((c) => c.startsWith('2')),
          `${method} ${p}`,
        ).toBe(true);
        expect(op.responses, `${method} ${p}`).toMatchObject({
          401: { $ref: '#/components/responses/Error401' },
          500: { $ref: '#/components/responses/Error500' },
        });
      }
  });

  it('documents request bodies from the class-validator rules the pipe enforces', () => {
    const create = dtoSchema(CreateMerchantDto) as {
      properties: Record<string, Record<string, unknown>>;
      required: string[];
      additionalProperties: boolean;
    };
    expect(create.required).toEqual(['merchantId']);
    expect(create.properties.merchantId).toEqual({ type: 'string', pattern: '^\\d{13}$' });
    expect(create.properties.status).toEqual({ enum: ['ACTIVE', 'SUSPENDED'] });
    expect(create.properties.planChargeHour).toMatchObject({ minimum: 0, maximum: 23 });
    expect(create.properties.planRetryDays).toHaveProperty('oneOf');
    expect(create.additionalProperties).toBe(false);
    const update = dtoSchema(UpdateMerchantDto) as { properties: Record<string, { description?: string }> };
    expect(update.properties.createdAt.description).toMatch(/Read-only/);
    expect(document.components?.schemas?.CreateMerchantDto).toEqual(create);
  });

  it('refuses a route without an entry when built, and leaves it bare when served', async () => {
    const key = 'GET /admin/api/platform-info';
    const entry = ADMIN_OPERATIONS[key];
    delete ADMIN_OPERATIONS[key];
    try {
      await expect(buildAdminOpenApi('0.1.0')).rejects.toThrow(
        /GET \/admin\/api\/platform-info has no entry/,
      );
      const served = await buildAdminOpenApi('0.1.0', false);
      const bare = served.paths['/admin/api/platform-info'].get as { responses: object };
      expect(bare.responses).not.toHaveProperty('401');
    } finally {
      ADMIN_OPERATIONS[key] = entry;
    }
  }, 60_000);
});
