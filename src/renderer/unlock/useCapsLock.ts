import { type KeyboardEvent, useState } from 'react';

/** Whether Caps Lock is on, as last seen on a key event in the field (browsers cannot ask it directly). */
export function useCapsLock(): { capsLock: boolean; onKeyEvent: (event: KeyboardEvent) => void } {
  const [capsLock, setCapsLock] = useState(false);
  const onKeyEvent = (event: KeyboardEvent): void => {
    // getModifierState is missing on synthetic events some automation tools send.
    if (typeof event.getModifierState === 'function') setCapsLock(event.getModifierState('CapsLock'));
  };
  return { capsLock, onKeyEvent };
}
