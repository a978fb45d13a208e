/** The command line itself is wrong (exit 64). */
export class UsageError extends Error {
  /** Whether the message should end by pointing at `--help`; not when it already says what to type. */
  readonly pointsToHelp: boolean;

  constructor(message: string, options: { pointsToHelp?: boolean } = {}) {
    super(message);
    this.name = 'UsageError';
    this.pointsToHelp = options.pointsToHelp ?? true;
  }
}
