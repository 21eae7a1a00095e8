import { BffError, BffErrorCode } from './BffError.js';

/** A rule denied this field or object: it is null in the response, the rest is kept. */
export class ForbiddenError extends BffError {
  constructor(message: string, path: readonly (string | number)[]) {
    super(message, BffErrorCode.FORBIDDEN, 200, { path });
  }
}
