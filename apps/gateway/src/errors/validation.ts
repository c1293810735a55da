import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { CodedError, type FieldProblem } from '@qifu/contracts';

/** Flattens nested class-validator errors into `details.positions.0.headcount`-style field paths. */
export function fieldProblems(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({
      field,
      message: message.startsWith(e.property) ? `${field}${message.slice(e.property.length)}` : `${field}: ${message}`,
    }));
    return [...own, ...fieldProblems(e.children ?? [], field)];
  });
}

export function validationFailed(problems: FieldProblem[]): CodedError {
  return new CodedError('VALIDATION_FAILED', problems.map((p) => p.message).join('; '), problems);
}

/** No endpoint takes a JSON array as its whole body: one is refused before the DTO sees it. */
class EdgeValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && Array.isArray(value) && metadata.metatype !== Array) {
      throw validationFailed([{ field: 'body', message: 'body: must be a JSON object, not an array' }]);
    }
    return super.transform(value, metadata) as Promise<unknown>;
  }
}

/** Strict validation at the edge: unknown fields are refused, types converted, errors name the field. */
export function createValidationPipe(): ValidationPipe {
  return new EdgeValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationFailed(fieldProblems(errors)),
  });
}
