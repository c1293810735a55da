import { ValidationPipe, type ValidationError } from '@nestjs/common';
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

/** Strict validation at the edge: unknown fields are refused, types converted, errors name the field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationFailed(fieldProblems(errors)),
  });
}
