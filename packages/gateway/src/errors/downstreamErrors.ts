import { BffError, BffErrorCode, downstreamServiceMessage } from './BffError.js';

/** The codes of a failed downstream call, each with the one wording clients see for it. */
export const downstreamMessages = {
  [BffErrorCode.DOWNSTREAM_SERVICE_ERROR]: downstreamServiceMessage,
  [BffErrorCode.DOWNSTREAM_TIMEOUT]: (serviceName: string) =>
    `The ${serviceName} service did not answer in time; ` +
    'the fields it provides are null in this response. Retry later.',
  [BffErrorCode.DOWNSTREAM_UNAVAILABLE]: (serviceName: string) =>
    `The ${serviceName} service is unavailable (its circuit breaker is open); ` +
    'the fields it provides are null in this response. Retry later.',
} as const;

/** The wording for a service that refused the request the BFF sent it, as invalid for its schema. */
export function downstreamRefusedMessage(serviceName: string): string {
  return (
    `The ${serviceName} service refused the request the BFF sent it; ` +
    "the fields it provides are null in this response. Retrying will not help; the BFF's operators have been told."
  );
}

/** A code of {@link downstreamMessages}. */
export type DownstreamErrorCode = keyof typeof downstreamMessages;

/** True for a code that names a failed downstream call. */
export function isDownstreamErrorCode(code: unknown): code is DownstreamErrorCode {
  return typeof code === 'string' && code in downstreamMessages;
}

/** A call ran past its service's timeout or the request's deadline. */
export class DownstreamTimeoutError extends BffError {
  constructor(serviceName: string) {
    super(downstreamMessages.DOWNSTREAM_TIMEOUT(serviceName), BffErrorCode.DOWNSTREAM_TIMEOUT, 200, {
      extensions: { serviceName },
    });
  }
}

/** The service's circuit breaker is open: the call failed fast, without reaching it. */
export class DownstreamUnavailableError extends BffError {
  constructor(serviceName: string) {
    super(downstreamMessages.DOWNSTREAM_UNAVAILABLE(serviceName), BffErrorCode.DOWNSTREAM_UNAVAILABLE, 200, {
      extensions: { serviceName },
    });
  }
}
