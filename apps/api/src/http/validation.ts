import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainError, type FieldError } from '@conduit/domain';

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    // One message per field: the first rule it breaks (the order the decorators run in).
    const first = Object.values(e.constraints ?? {})[0];
    return [...(first ? [{ field, message: first }] : []), ...flatten(e.children ?? [], field)];
  });
}

/** DTO validation: unknown fields refused, one message per field, rendered per transport. */
export const validationPipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  exceptionFactory: (errors) => DomainError.validation(flatten(errors)),
});
