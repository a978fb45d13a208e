import type { LockReason } from '../../shared/api.js';
import type { Translator } from '../i18n/translate.js';

/** Why the unlock screen is showing after a session: a lock event's reason, or a call that found it locked. */
export interface LockNote {
  readonly reason: LockReason | 'elsewhere';
  /** The auto-lock preference when an idle lock happened, to say how long. */
  readonly autoLockMinutes?: number;
}

export function lockNoteText(note: LockNote, translator: Translator): string {
  switch (note.reason) {
    case 'idle':
      return note.autoLockMinutes !== undefined && note.autoLockMinutes > 0
        ? translator.plural('lockReason.idle', note.autoLockMinutes)
        : translator.t('lockReason.idleUnknown');
    case 'user':
      return translator.t('lockReason.user');
    case 'system':
      return translator.t('lockReason.system');
    case 'minimised':
      return translator.t('lockReason.minimised');
    case 'closed':
      return translator.t('lockReason.closed');
    case 'elsewhere':
      return translator.t('lockReason.elsewhere');
  }
}
