import { Injectable, Optional } from '@nestjs/common';
import {
  accountIdOf,
  type Actor,
  assertCan,
  DomainError,
  owningOrganization,
  Permission,
  scopeOf,
} from '@conduit/domain';
import { hashSecret, newAccountPassword, newApiKeyPair } from '@conduit/crypto';
import { type CredentialKind, type ListQuery, type Repositories, UnitOfWork } from '@conduit/db';
import { auditOf } from './audit';
import { credentialView } from './views';
import { authChange, CredentialCache } from './credential-cache';

export interface CredentialInput {
  kind?: CredentialKind;
  name?: string;
  description?: string | null;
  merchantIds?: string[];
  enabled?: boolean;
  organizationId?: string;
}

@Injectable()
export class CredentialsService {
  constructor(
    private readonly uow: UnitOfWork,
    @Optional() private readonly cache?: CredentialCache,
  ) {}

  async list(actor: Actor, query: ListQuery) {
    assertCan(actor, Permission.CREDENTIALS_READ);
    const { rows, total } = await this.uow.read.credentials.list(scopeOf(actor), query);
    return { rows: rows.map(credentialView), total };
  }

  async get(actor: Actor, id: string) {
    assertCan(actor, Permission.CREDENTIALS_READ);
    const credential = await this.uow.read.credentials.get(scopeOf(actor), id);
    if (!credential) throw DomainError.notFound('Credential');
    return credentialView(credential);
  }

  /** Restrictions may only name the organization's own merchants; unknown ones are a 400. */
  private async merchantRefs(r: Repositories, organizationId: string, merchantIds: string[]) {
    const found = await r.merchants.findOwnedMany(organizationId, merchantIds);
    const missing = merchantIds.filter((id) => !found.some((m) => m.merchantId === id));
    if (missing.length) {
      throw DomainError.validation([
        { field: 'merchantIds', message: `merchantIds names no merchant of yours: ${missing.join(', ')}` },
      ]);
    }
    return found.map((m) => m.id);
  }

  /** Answers the new credential with its secret: the only time the secret is ever shown. */
  async create(actor: Actor, input: CredentialInput & { kind: CredentialKind }) {
    assertCan(actor, Permission.CREDENTIALS_WRITE);
    const organizationId = owningOrganization(actor, input.organizationId);
    return authChange(this.uow, this.cache, async (r) => {
      const org = await r.organizations.get(scopeOf(actor), organizationId);
      if (!org)
        throw DomainError.validation([
          { field: 'organizationId', message: 'organizationId names no organization' },
        ]);
      let identifier: string;
      let secret: string;
      if (input.kind === 'ACCOUNT') {
        if (!input.name)
          throw DomainError.validation([
            { field: 'name', message: 'name is required for an ACCOUNT credential' },
          ]);
        identifier = accountIdOf(input.name, org.slug);
        secret = newAccountPassword();
      } else {
        ({ apiKey: identifier, apiSecret: secret } = newApiKeyPair(false));
      }
      if (await r.credentials.identifierTaken(identifier))
        throw DomainError.conflict(`${identifier} already exists`);
      const merchantRefs = await this.merchantRefs(r, organizationId, input.merchantIds ?? []);
      const credential = await r.credentials.create({
        organizationId,
        kind: input.kind,
        identifier,
        description: input.description ?? null,
        secretHash: await hashSecret(secret),
        merchantRefs,
      });
      await r.audit.record(
        auditOf(actor, organizationId, 'create', 'credentials', credential.id, { ...input, identifier }),
      );
      return { ...credentialView(credential), secret };
    });
  }

  async update(actor: Actor, id: string, input: CredentialInput) {
    assertCan(actor, Permission.CREDENTIALS_WRITE);
    return authChange(this.uow, this.cache, async (r) => {
      const existing = await r.credentials.get(scopeOf(actor), id);
      if (!existing) throw DomainError.notFound('Credential');
      const refs = input.merchantIds
        ? await this.merchantRefs(r, existing.organizationId, input.merchantIds)
        : undefined;
      const credential = await r.credentials.update(
        scopeOf(actor),
        id,
        { description: input.description, enabled: input.enabled },
        refs,
      );
      const change = {
        description: input.description,
        enabled: input.enabled,
        merchantIds: input.merchantIds,
      };
      await r.audit.record(
        auditOf(
          actor,
          existing.organizationId,
          input.enabled === false ? 'disable' : 'update',
          'credentials',
          id,
          change,
        ),
      );
      return credentialView(credential);
    });
  }

  /** A new secret; the old one keeps working for `gracePeriodSeconds` (default 0). */
  async rotate(actor: Actor, id: string, gracePeriodSeconds = 0) {
    assertCan(actor, Permission.CREDENTIALS_WRITE);
    const secret =
      (await this.uow.read.credentials.get(scopeOf(actor), id))?.kind === 'API_KEY'
        ? newApiKeyPair(false).apiSecret
        : newAccountPassword();
    const secretHash = await hashSecret(secret);
    return authChange(this.uow, this.cache, async (r) => {
      const existing = await r.credentials.get(scopeOf(actor), id);
      if (!existing) throw DomainError.notFound('Credential');
      const now = new Date();
      const credential = await r.credentials.update(scopeOf(actor), id, {
        secretHash,
        previousSecretHash: gracePeriodSeconds > 0 ? existing.secretHash : null,
        previousSecretValidUntil:
          gracePeriodSeconds > 0 ? new Date(now.getTime() + gracePeriodSeconds * 1000) : null,
        rotatedAt: now,
      });
      await r.audit.record(
        auditOf(actor, existing.organizationId, 'rotate', 'credentials', id, { gracePeriodSeconds }),
      );
      return { ...credentialView(credential), secret };
    });
  }

  async remove(actor: Actor, id: string) {
    assertCan(actor, Permission.CREDENTIALS_WRITE);
    return authChange(this.uow, this.cache, async (r) => {
      const existing = await r.credentials.get(scopeOf(actor), id);
      if (!existing) throw DomainError.notFound('Credential');
      const credential = await r.credentials.delete(scopeOf(actor), id);
      await r.audit.record(
        auditOf(actor, existing.organizationId, 'delete', 'credentials', id, {
          identifier: existing.identifier,
        }),
      );
      return credentialView(credential);
    });
  }
}
