// A wrong command line (an unknown option, a bad value): `pmo` reports it as one line on stderr, exit code 1.

/** A usage error: its message is the one line shown after `pmo: `. */
export class UsageError extends Error {}
