/** Why the domain refused something. Handlers map each kind to its HTTP status; the domain knows none. */

export interface FieldError {
  path: string;
  message: string;
}

export class DomainError extends Error {
  constructor(message?: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The input is malformed or breaks a rule about its content (400). */
export class InvalidInput extends DomainError {
  constructor(
    readonly errors: FieldError[],
    message = 'The request has invalid fields.',
  ) {
    super(message);
  }
}

/** The thing does not exist, or the caller may not know that it does (404). */
export class NotFound extends DomainError {}

/** The actor's groups do not allow this (403). */
export class PermissionDenied extends DomainError {}

/** The action is not allowed in the case's current state, or breaks the two-person rule (409). */
export class ActionNotAllowed extends DomainError {
  constructor(
    message: string,
    readonly currentStatus: string,
    readonly allowedActions: string[],
    /** Which rule refused it, stable for clients: status-not-allowed, two-person-rule, draft-required... */
    readonly code = 'status-not-allowed',
  ) {
    super(message);
  }
}

/** The caller acted on a version that is no longer current (412). */
export class VersionMismatch extends DomainError {
  constructor(
    readonly expected: number,
    readonly current: number,
  ) {
    super(`The case is at version ${current}, not ${expected}.`);
  }
}

/** The same idempotency key came with another request (422). */
export class IdempotencyKeyReused extends DomainError {}

/** A limit on how often something may be done was reached (429). */
export class RateLimited extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/** The request is well formed but conflicts with the state of something other than a case (409). */
export class Conflict extends DomainError {}
