/** Something the command needs is taken or missing on this machine, such as the UI's port (exit 69). */
export class UnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnavailableError';
  }
}
