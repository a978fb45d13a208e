import type { Database } from 'better-sqlite3';

/** One step of the schema, applied in its own transaction and recorded in `user_version`. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(database: Database): void;
}
