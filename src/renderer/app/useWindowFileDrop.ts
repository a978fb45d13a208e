import { useEffect, useLayoutEffect, useRef, useState } from 'react';

/**
 * Files dragged onto the window. While `enabled`, a drag that carries files is accepted anywhere in the
 * window (without this the browser opens a dropped file in place of the app) and the files dropped go to
 * `onDrop`; a drop of anything else is left to the browser. Returns whether files are being dragged over
 * the window, for a drop highlight.
 */
export function useWindowFileDrop(onDrop: (files: readonly File[]) => void, enabled = true): boolean {
  const [dragging, setDragging] = useState(false);
  // The listeners live as long as `enabled` holds; they call the latest render's `onDrop`.
  const onDropRef = useRef(onDrop);
  useLayoutEffect(() => {
    onDropRef.current = onDrop;
  });

  useEffect(() => {
    if (!enabled) return undefined;
    const onDragOver = (event: DragEvent) => {
      if (!event.dataTransfer?.types.includes('Files')) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      setDragging(true);
    };
    const onDragLeave = (event: DragEvent) => {
      // Leaving one element for another inside the window names the other; leaving the window names none.
      if (event.relatedTarget === null) setDragging(false);
    };
    const onDropEvent = (event: DragEvent) => {
      setDragging(false);
      const files = [...(event.dataTransfer?.files ?? [])];
      if (files.length === 0) return;
      event.preventDefault();
      onDropRef.current(files);
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('drop', onDropEvent);
    return () => {
      setDragging(false);
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('drop', onDropEvent);
    };
  }, [enabled]);

  return dragging;
}
