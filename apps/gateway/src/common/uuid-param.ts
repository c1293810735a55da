import { ParseUUIDPipe } from '@nestjs/common';
import { CodedError } from '@qifu/contracts';

/** `:id` must be a UUID; anything else is a 404, as an unknown id would be. */
export const UuidParam = new ParseUUIDPipe({
  version: undefined,
  exceptionFactory: () => new CodedError('NOT_FOUND', 'no such resource (ids are UUIDs)'),
});
