// Errors as values: bad user data becomes a typed error (code + one-sentence reason), never an exception.
// Only programming bugs throw. Adapters decide how each code is shown in their host.

/** The closed set of error codes the core can return. Each maps to a host error value. */
export type ErrorCode =
  /** A value cannot be used (text in a number column, bad argument); Excel #VALUE!. */
  | 'value'
  /** Load against zero capacity; Excel #DIV/0!, Sheets the text `no capacity`. */
  | 'no-capacity'
  /** Nothing to compute (no usable rows, empty table); Excel #N/A. */
  | 'not-available';

/** A typed error: a code and a one-sentence reason a PMO analyst can act on. */
export interface PmoError {
  readonly kind: 'error';
  readonly code: ErrorCode;
  readonly message: string;
}

/** Builds a {@link PmoError}. */
export function pmoError(code: ErrorCode, message: string): PmoError {
  return { kind: 'error', code, message };
}

/** True when `value` is a {@link PmoError}. */
export function isPmoError(value: unknown): value is PmoError {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { kind?: unknown }).kind === 'error' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

/** Quotes a user value for a message, shortened so a huge cell cannot flood it. */
export function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  const short = text.length > 40 ? `${text.slice(0, 37)}...` : text;
  return `"${short}"`;
}
