/** Why the domain refused something. Handlers map each kind to its HTTP status; the domain knows none. */

export interface FieldError {
  path: string;
  message: string;
}

export abstract class DomainError extends Error {
  abstract readonly kind: string;
}

/** The input is malformed or breaks a rule about its content (400). */
export class InvalidInput extends DomainError {
  readonly kind = 'invalid_input';
  constructor(
    readonly errors: FieldError[],
    message = 'The request has invalid fields.',
  ) {
    super(message);
  }
}

/** The thing does not exist, or the caller may not know that it does (404). */
export class NotFound extends DomainError {
  readonly kind = 'not_found';
}

/** The actor's groups do not allow this (403). */
export class PermissionDenied extends DomainError {
  readonly kind = 'permission_denied';
}

/** The action is not allowed in the case's current state, or breaks the two-person rule (409). */
export class ActionNotAllowed extends DomainError {
  readonly kind = 'action_not_allowed';
  constructor(
    message: string,
    readonly currentStatus: string,
    readonly allowedActions: string[],
  ) {
    super(message);
  }
}

/** The caller acted on a version that is no longer current (412). */
export class VersionMismatch extends DomainError {
  readonly kind = 'version_mismatch';
  constructor(
    readonly expected: number,
    readonly current: number,
  ) {
    super(`The case is at version ${current}, not ${expected}.`);
  }
}

/** The same idempotency key came with another request (422). */
export class IdempotencyKeyReused extends DomainError {
  readonly kind = 'idempotency_key_reused';
}

/** A limit on how often something may be done was reached (429). */
export class RateLimited extends DomainError {
  readonly kind = 'rate_limited';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/** The request is well formed but conflicts with the state of something other than a case (409). */
export class Conflict extends DomainError {
  readonly kind = 'conflict';
}
