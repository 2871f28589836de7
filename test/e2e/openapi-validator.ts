import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { inject } from 'vitest';
import type { RestAnswer } from './payments-client';

type Doc = {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>
  >;
  components: { schemas: Record<string, unknown> };
};

/** Every object schema closed: an answer field the document does not describe fails validation. */
function closed(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(closed);
  if (!node || typeof node !== 'object') return node;
  const out = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, closed(v)]));
  if ('properties' in out && !('additionalProperties' in out)) out.additionalProperties = false;
  return out;
}

/**
 * Validates real answers against the served document: the response schema of that path,
 * method and status (an undocumented operation or status fails), with the objects closed.
 */
export class OpenApiValidator {
  private constructor(
    private readonly doc: Doc,
    private readonly ajv: Ajv2020,
  ) {}

  static async load(): Promise<OpenApiValidator> {
    const doc = (await (await fetch(`${inject('apiUrl')}/rest/openapi.json`)).json()) as Doc;
    const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
    addFormats(ajv);
    // OpenAPI's own keywords: documentation to ajv.
    ajv.addVocabulary(['example', 'xml', 'components']);
    ajv.addSchema({ $id: 'conduit.json', components: closed(doc.components) }, 'conduit.json');
    return new OpenApiValidator(doc, ajv);
  }

  /** The served document itself, for what a test reads beyond answers (webhooks, descriptions). */
  get document(): Doc & { webhooks: Record<string, { post: { description: string } }> } {
    return this.doc as Doc & { webhooks: Record<string, { post: { description: string } }> };
  }

  /** Throws unless `value` matches the named component schema, closed like answers are. */
  checkComponent(name: string, value: unknown): void {
    const validate = this.ajv.compile({ $ref: `conduit.json#/components/schemas/${name}` });
    if (!validate(value))
      throw new Error(`${name} does not match the document:\n${JSON.stringify(validate.errors, null, 2)}`);
  }

  /** Throws with the failing paths unless `res` matches; returns the body for further checks. */
  check<T = Record<string, unknown>>(method: string, template: string, res: RestAnswer<unknown>): T {
    const op = this.doc.paths[template]?.[method.toLowerCase()];
    if (!op) throw new Error(`${method} ${template} is not in the document`);
    const answer = op.responses[String(res.status)];
    if (!answer) throw new Error(`${method} ${template} answered ${res.status}, undocumented: ${res.text}`);
    const contentType = res.headers.get('content-type') ?? '';
    const media = Object.entries(answer.content ?? {}).find(([t]) => contentType.startsWith(t));
    if (!media) throw new Error(`${method} ${template} ${res.status}: ${contentType} is not documented`);
    const schema = JSON.parse(
      JSON.stringify(closed(media[1].schema)).replaceAll('"#/components', '"conduit.json#/components'),
    );
    const validate = this.ajv.compile(schema);
    if (!validate(res.body))
      throw new Error(
        `${method} ${template} ${res.status} does not match the document:\n${JSON.stringify(validate.errors, null, 2)}\n${res.text}`,
      );
    return res.body as T;
  }
}
