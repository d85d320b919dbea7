// The message of a thrown value, for the commands that report a failure to the user (the Build dashboard button,
// the Sheets menu). Apart from errors.ts, which the custom functions ship and which never catch (DESIGN §9).

/** The message of a thrown value; hosts throw Error-like objects that are not always `instanceof Error`. */
export function errorMessage(error: unknown): string {
  if (
    typeof error === 'object' &&
    error !== null &&
    'message' in error &&
    typeof error.message === 'string' &&
    error.message
  ) {
    return error.message;
  }
  return String(error);
}
