// The errors the fake Excel host throws, shaped as Office.js reports them: an `OfficeExtension.Error` whose `code`
// is one of the documented error codes, with a message and debug information naming the failing operation.
//
// Error codes and their meaning: "Error handling with the application-specific JavaScript APIs",
// https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling
// ("code: ... a string that is part of the OfficeExtension.ErrorCodes or Excel.ErrorCodes list").

/** An error as Office.js reports it (`OfficeExtension.Error`: `code`, `message`, `debugInfo`). */
export class FakeOfficeError extends Error {
  readonly debugInfo: { readonly code: string; readonly message: string; readonly errorLocation?: string };

  constructor(
    readonly code: string,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
    this.debugInfo = { code, message, ...(errorLocation === undefined ? {} : { errorLocation }) };
  }
}

/**
 * Reading a property that was not loaded and synced. "Using the application-specific API model", load():
 * "Before you can read the properties of a proxy object, you must explicitly load the properties ... and then
 * call context.sync()", https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#load
 */
export function propertyNotLoaded(property: string): FakeOfficeError {
  return new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

export const itemNotFound = (location?: string) =>
  new FakeOfficeError('ItemNotFound', 'The requested resource doesn\u2019t exist.', location);

export const invalidArgument = (why: string, location?: string) =>
  new FakeOfficeError(
    'InvalidArgument',
    `The argument is invalid or missing or has an incorrect format. (${why})`,
    location,
  );

export const invalidOperation = (why: string, location?: string) =>
  new FakeOfficeError('InvalidOperation', why, location);

/** A request of the fake that it does not model: a test bug, not a host behaviour. */
export function notModelled(what: string): Error {
  return new Error(`fake Excel: ${what} is not modelled`);
}
