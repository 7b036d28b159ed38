/**
 * Errors carry a stable `code` for operators and tests. A {@link UserFacingError}'s message is
 * written for the trainee or trainer and is safe to show as it is; any other error reaches a user
 * only as a generic message with a reference id, while the log gets the details.
 */
export class AppError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** The message is for the person at the keyboard: no internals, no stack, no secrets. */
export class UserFacingError extends AppError {}

/** A configuration problem at start-up: the message says which variable to set and how. */
export class ConfigError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('config_invalid', message, options);
  }
}

/** A persona file that cannot be loaded; the message names the file and the field. */
export class PersonaFileError extends AppError {
  readonly file: string;

  constructor(file: string, message: string, options?: { cause?: unknown }) {
    super('persona_invalid', `${file}: ${message}`, options);
    this.file = file;
  }
}

/** The store could not be read or written; the action can be retried. */
export class StoreUnavailableError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('store_unavailable', message, options);
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
