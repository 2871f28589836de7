import { DomainError, type FieldError } from '@conduit/domain';
import { type DisputeResponseCommand, MAX_EVIDENCE_FILE_BYTES, MAX_EVIDENCE_FILES } from '@conduit/payments';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const MAX_TEXT = 20_000;

/**
 * `POST /admin/api/disputes/:id/evidence` parsed once, at the edge: `{ text, files: [{ fileName,
 * contentType, contentBase64 }] }`, every invalid field reported together.
 */
export function parseDisputeResponse(body: unknown): DisputeResponseCommand {
  const errors: FieldError[] = [];
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  let text: string | null = null;
  if (b.text !== undefined && b.text !== null) {
    if (typeof b.text !== 'string') errors.push({ field: 'text', message: 'text must be a string' });
    else if (b.text.length > MAX_TEXT)
      errors.push({ field: 'text', message: `text must be at most ${MAX_TEXT} characters` });
    else text = b.text.trim() || null;
  }
  const files: DisputeResponseCommand['files'] = [];
  const raw = b.files ?? [];
  if (!Array.isArray(raw)) errors.push({ field: 'files', message: 'files must be an array' });
  else if (raw.length > MAX_EVIDENCE_FILES)
    errors.push({ field: 'files', message: `at most ${MAX_EVIDENCE_FILES} files per response` });
  else
    raw.forEach((f: unknown, i) => {
      const file = (typeof f === 'object' && f !== null ? f : {}) as Record<string, unknown>;
      const at = `files[${i}]`;
      const name = typeof file.fileName === 'string' ? file.fileName.trim() : '';
      const type = typeof file.contentType === 'string' ? file.contentType.trim().toLowerCase() : '';
      const content = typeof file.contentBase64 === 'string' ? file.contentBase64 : null;
      if (!name || name.length > 200 || /[\\/]/.test(name) || [...name].some((c) => c.charCodeAt(0) < 32))
        errors.push({
          field: `${at}.fileName`,
          message: 'fileName must be a plain file name of at most 200 characters',
        });
      if (!/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/.test(type))
        errors.push({
          field: `${at}.contentType`,
          message: 'contentType must be a media type like application/pdf',
        });
      if (content === null || !BASE64.test(content) || content.length % 4 !== 0) {
        errors.push({ field: `${at}.contentBase64`, message: 'contentBase64 must be base64' });
        return;
      }
      const bytes = Buffer.from(content, 'base64');
      if (bytes.length === 0) errors.push({ field: `${at}.contentBase64`, message: 'the file is empty' });
      else if (bytes.length > MAX_EVIDENCE_FILE_BYTES)
        errors.push({ field: `${at}.contentBase64`, message: 'each file must be at most 5 MiB' });
      else files.push({ fileName: name, contentType: type, bytes });
    });
  if (errors.length) throw DomainError.validation(errors);
  return { text, files };
}
