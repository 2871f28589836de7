import type { FastifyInstance } from 'fastify';

/**
 * JSON and form bodies, parsed here (Nest's own parsers are off) so the exact body text is kept
 * on the request: idempotency compares repeats by it.
 */
export function installBodyParsers(app: FastifyInstance) {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    (req as unknown as { rawBody: string }).rawBody = body as string;
    // Many clients send `Content-Type: application/json` with no body on action POSTs: that is `{}`;
    // a route whose body is required then answers its own validation error.
    if ((body as string).trim() === '') return done(null, {});
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(
        Object.assign(new Error('invalid json'), { statusCode: 400, code: 'FST_ERR_CTP_INVALID_JSON_BODY' }),
        undefined,
      );
    }
  });
  // SOAP 1.1 (text/xml) and 1.2 (application/soap+xml): the bytes, up to 1 MiB (soap.md); the SOAP
  // layer decodes them in the declared encoding and parses them with DTDs and entities refused.
  app.addContentTypeParser(
    ['text/xml', 'application/soap+xml', 'application/xml'],
    { parseAs: 'buffer', bodyLimit: 1024 * 1024 },
    (req, body, done) => {
      // Only the SOAP services take XML; everywhere else it is the wrong content type (415).
      if (!req.url.split('?')[0].toLowerCase().endsWith('.asmx'))
        return done(
          Object.assign(new Error('unsupported'), {
            statusCode: 415,
            code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
          }),
          undefined,
        );
      done(null, body as Buffer);
    },
  );
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (req, body, done) => {
    (req as unknown as { rawBody: string }).rawBody = body as string;
    const out: Record<string, string | string[]> = {};
    for (const [k, v] of new URLSearchParams(body as string)) {
      // Own fields only: a field named `toString` or `constructor` is not the prototype's function.
      const prev = Object.hasOwn(out, k) ? out[k] : undefined;
      out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
    }
    done(null, out);
  });
}
