/** The person pressed Ctrl+C at a password prompt (exit 130, like a shell reports SIGINT). */
export class PromptInterrupted extends Error {
  constructor() {
    super('Cancelled.');
    this.name = 'PromptInterrupted';
  }
}
