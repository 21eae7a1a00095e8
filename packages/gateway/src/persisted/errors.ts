import { BffError, BffErrorCode } from '../errors/BffError.js';

/**
 * A trusted-documents BFF was asked for an id its manifest lacks. Status 200 and this code, as
 * Apollo Server answers an APQ miss, so APQ clients react the same way (they send the text next).
 */
export class PersistedQueryNotFoundError extends BffError {
  constructor(id: string) {
    super(
      `PersistedQueryNotFound: no operation of this BFF's persisted query manifest has id ${id}. ` +
        'Send the id (sha256) of a manifest operation.',
      BffErrorCode.PERSISTED_QUERY_NOT_FOUND,
      200,
      {
        extensions: {
          http: { status: 200, headers: new Map([['cache-control', 'private, no-cache, must-revalidate']]) },
        },
      },
    );
  }
}

/** A trusted-documents BFF (enforce) was sent the text of an operation its manifest lacks (HTTP 400). */
export class OperationNotTrustedError extends BffError {
  constructor(id: string) {
    super(
      "Operation not trusted: only operations of this BFF's persisted query manifest run here, " +
        `and this one (sha256 ${id}) is not among them. Send a manifest operation by its id or its exact text.`,
      BffErrorCode.OPERATION_NOT_TRUSTED,
      400,
    );
  }
}
