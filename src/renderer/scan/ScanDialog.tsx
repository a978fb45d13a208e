import { type FormEvent, useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { ItemView, ScannedTexts } from '../../shared/api.js';
import type { ErrorInfo } from '../../shared/errors.js';
import type { ItemSummary } from '../../shared/item.js';
import type { RgbaFrame } from '../../shared/qr/decodeQrFrame.js';
import { useAppServices } from '../app/AppServices.js';
import { Dialog } from '../app/Dialog.js';
import { Icon } from '../app/Icon.js';
import { errorText } from '../i18n/describeError.js';
import { decodeFrames, stopQrDecoder } from './decodeFrames.js';
import { readImageFrame } from './drawFrame.js';
import { grabScreens, ScreenScanCancelled } from './grabScreens.js';
import { isEditableTarget } from './isEditableTarget.js';
import { type ScanInput, scanInputFromPaste } from './scanInput.js';
import { ScanReview } from './ScanReview.js';
import { useScanSession } from './useScanSession.js';

/** The image types the file picker offers; the browser decodes them (and anything else it can). */
const IMAGE_TYPES = 'image/png,image/jpeg,image/webp,image/gif,image/bmp,.png,.jpg,.jpeg,.webp,.gif,.bmp';
/** The longest text a QR code holds (version 40, numeric); main refuses longer. */
const LONGEST_QR_TEXT = 7089;

interface ScanDialogProps {
  /** The vault's items, which a scanned account may join. */
  readonly items: readonly ItemSummary[];
  /** Something pasted on the code list that opened the dialog, scanned at once. */
  readonly initialInput: ScanInput | null;
  readonly onClose: () => void;
  readonly onSaved: (views: readonly ItemView[]) => void;
}

/**
 * "Scan QR code": reads QR codes off the screens, from image files (opened, dropped or pasted) or from a
 * pasted setup link, lets main explain them, and saves the accounts the user picks. Pixels are decoded
 * in a worker and dropped as soon as their texts are out; the texts go to main and are not kept here.
 */
export function ScanDialog({ items, initialInput, onClose, onSaved }: ScanDialogProps) {
  const { bridge, translator, reportError, notify } = useAppServices();
  const { t } = translator;
  const session = useScanSession();
  /** What is happening now (null when idle), and what the last action came to: one live region shows either. */
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [problems, setProblems] = useState<readonly string[]>([]);
  const [text, setText] = useState('');
  const [dragging, setDragging] = useState(false);
  const busyRef = useRef(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const textInput = useRef<HTMLInputElement>(null);
  const ids = { text: useId(), textHint: useId() };

  // Closing ends the worker (and the pixels in its memory); an action still running finds it closed.
  const closed = useRef(false);
  useEffect(() => {
    closed.current = false;
    return () => {
      closed.current = true;
      stopQrDecoder();
    };
  }, []);

  const addProblem = useCallback((problem: string) => setProblems((current) => [...current, problem]), []);

  // The button that started an action is disabled while it runs, which takes focus from it: give it back.
  const focusAfter = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (busy !== null) return;
    const element = focusAfter.current;
    focusAfter.current = null;
    if (element?.isConnected && (document.activeElement === null || document.activeElement === document.body)) element.focus();
  }, [busy]);

  /** One action at a time; what it is doing is announced, then what it came to. */
  const run = useCallback(async (label: string, work: () => Promise<void>) => {
    if (busyRef.current) return;
    busyRef.current = true;
    focusAfter.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setBusy(label);
    setStatus('');
    setProblems([]);
    try {
      await work();
    } finally {
      busyRef.current = false;
      setBusy(null);
    }
  }, []);

  const failed = useCallback(
    (error: ErrorInfo) => {
      if (error.code === 'VAULT_LOCKED') reportError(error);
      else addProblem(errorText(error, translator));
    },
    [reportError, addProblem, translator],
  );

  const send = useCallback(
    async (sources: readonly ScannedTexts[]) => {
      const result = await session.submit(sources);
      if (result.ok) setStatus(translator.plural('scan.found', result.value.candidates.length));
      else failed(result.error);
    },
    [session, translator, failed],
  );

  /** Each frame's texts, or null (with the problem shown) when the decoder failed. */
  const decode = useCallback(
    async (frames: RgbaFrame[]): Promise<(readonly string[])[] | null> => {
      try {
        // A picker answered after the dialog closed: no new worker for it.
        if (closed.current) return null;
        return await decodeFrames(frames);
      } catch {
        addProblem(t('scan.decoderFailed'));
        return null;
      } finally {
        frames.length = 0;
      }
    },
    [addProblem, t],
  );

  // A browser asks the user to pick the screen, and waits for as long as that takes; Electron does not ask.
  const scanScreens = () =>
    run(bridge.capture.screensInTurn ? t('scan.readingScreens') : t('scan.pickScreen'), async () => {
      let frames: RgbaFrame[];
      try {
        frames = await grabScreens(bridge.capture);
      } catch (error) {
        if (error instanceof ScreenScanCancelled) setStatus(t('scan.cancelled'));
        else addProblem(t('scan.screenFailed'));
        return;
      }
      setBusy(t('scan.readingScreens'));
      const found = await decode(frames);
      if (found !== null) await send(found.map((texts, index) => ({ source: t('scan.screenName', { number: index + 1 }), texts })));
    });

  const scanImages = (images: readonly { readonly image: Blob; readonly source: string }[]) => {
    const [first] = images;
    if (first === undefined) return Promise.resolve();
    return run(t('scan.readingImage', { name: first.source }), async () => {
      const sources: ScannedTexts[] = [];
      for (const { image, source } of images) {
        let frame: RgbaFrame;
        try {
          frame = await readImageFrame(image);
        } catch {
          addProblem(t('scan.notAnImage', { name: source }));
          continue;
        }
        const found = await decode([frame]);
        if (found === null) return;
        sources.push({ source, texts: found[0] ?? [] });
      }
      if (sources.length > 0) await send(sources);
    });
  };

  const scanText = (pasted: string, source: string) => {
    const trimmed = pasted.trim();
    if (trimmed === '') return Promise.resolve();
    if (trimmed.length > LONGEST_QR_TEXT) {
      setProblems([t('scan.textTooLong')]);
      return Promise.resolve();
    }
    return run(t('scan.readingText'), () => send([{ source, texts: [trimmed] }]));
  };

  const scanInput = (input: ScanInput) =>
    input.kind === 'image' ? scanImages([{ image: input.image, source: input.source }]) : scanText(input.text, input.source);

  // Paste and drop listeners live on the window for the dialog's lifetime; they call the latest render's code.
  const scanInputRef = useRef(scanInput);
  const scanImagesRef = useRef(scanImages);
  useLayoutEffect(() => {
    scanInputRef.current = scanInput;
    scanImagesRef.current = scanImages;
  });

  const pasteNames = { image: t('scan.clipboardImage'), text: t('scan.pastedText') };
  const pasteNamesRef = useRef(pasteNames);
  pasteNamesRef.current = pasteNames;

  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      if (event.clipboardData === null) return;
      const input = scanInputFromPaste(event.clipboardData, pasteNamesRef.current);
      // Text pasted into a text field (the setup link box) is the field's.
      if (input === null || (input.kind === 'text' && isEditableTarget(event.target))) return;
      event.preventDefault();
      void scanInputRef.current(input);
    };
    const onDragOver = (event: DragEvent) => {
      if (!event.dataTransfer?.types.includes('Files')) return;
      // Without this the browser opens a dropped file in place of the vault.
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      setDragging(true);
    };
    const onDragLeave = (event: DragEvent) => {
      if (event.relatedTarget === null) setDragging(false);
    };
    const onDrop = (event: DragEvent) => {
      setDragging(false);
      const files = [...(event.dataTransfer?.files ?? [])];
      if (files.length === 0) return;
      event.preventDefault();
      void scanImagesRef.current(files.map((file) => ({ image: file, source: file.name })));
    };
    document.addEventListener('paste', onPaste);
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      document.removeEventListener('paste', onPaste);
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, []);

  const initialScanned = useRef(false);
  useEffect(() => {
    if (initialInput === null || initialScanned.current) return;
    initialScanned.current = true;
    void scanInputRef.current(initialInput);
  }, [initialInput]);

  const onTextSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const pasted = text;
    // The link holds a secret: it leaves the box as soon as it is sent. The Read button goes disabled
    // with the box empty, so the box keeps the focus.
    setText('');
    textInput.current?.focus();
    await scanText(pasted, t('scan.pastedText'));
  };

  const itemIds = new Set(items.map((item) => item.id));
  const report = session.report;
  const pickedCount = report === null ? 0 : report.candidates.filter((candidate) => session.choices.get(candidate.id)?.picked ?? false).length;
  const [saving, setSaving] = useState(false);
  const save = async () => {
    if (pickedCount === 0 || saving || busyRef.current) return;
    setSaving(true);
    const result = await session.save(itemIds);
    setSaving(false);
    if (!result.ok) return failed(result.error);
    notify({ text: translator.plural('scan.saved', result.value.count) });
    onSaved(result.value.views);
    onClose();
  };

  const scanned = report !== null;
  return (
    <Dialog title={t('scan.title')} onClose={onClose} size="large" testId="scan-dialog">
      <div className={dragging ? 'dialog-body scan-body scan-body-dropping' : 'dialog-body scan-body'} aria-busy={busy !== null}>
        {!scanned && <p className="scan-intro">{bridge.capture.screensInTurn ? t('scan.introInTurn') : t('scan.introPicker')}</p>}
        <div className="scan-actions">
          <button type="button" className={scanned ? 'button' : 'button button-primary'} onClick={() => void scanScreens()} disabled={busy !== null || saving} data-autofocus data-testid="scan-screen">
            <Icon name="qr" />
            {scanned ? t('scan.again') : t('scan.screen')}
          </button>
          <button type="button" className="button" onClick={() => fileInput.current?.click()} disabled={busy !== null || saving} data-testid="scan-open-image">
            <Icon name="image" />
            {t('scan.openImage')}
          </button>
          <input
            ref={fileInput}
            type="file"
            accept={IMAGE_TYPES}
            multiple
            hidden
            data-testid="scan-file-input"
            onChange={(event) => {
              const files = [...(event.target.files ?? [])];
              // Clearing the input lets the same file be chosen again.
              event.target.value = '';
              void scanImages(files.map((file) => ({ image: file, source: file.name })));
            }}
          />
          <p className="hint scan-drop-hint">{t('scan.dropHint')}</p>
        </div>
        <form className="scan-text" onSubmit={(event) => void onTextSubmit(event)}>
          <label className="label" htmlFor={ids.text}>
            {t('scan.textLabel')}
          </label>
          <div className="scan-text-row">
            <input
              ref={textInput}
              id={ids.text}
              className="input input-mono"
              value={text}
              onChange={(event) => setText(event.target.value)}
              spellCheck={false}
              autoComplete="off"
              autoCapitalize="off"
              autoCorrect="off"
              aria-describedby={ids.textHint}
            />
            <button type="submit" className="button" disabled={busy !== null || saving || text.trim() === ''}>
              {t('scan.textSubmit')}
            </button>
          </div>
          <p className="hint" id={ids.textHint}>
            {t('scan.textHint')}
          </p>
        </form>
        <p role="status" className="scan-status" data-testid="scan-status">
          {busy !== null && <span className="spinner" aria-hidden="true" />}
          {busy ?? status}
        </p>
        <div role="alert" className="scan-problems">
          {problems.map((problem, index) => (
            <div key={index} className="message message-error" data-testid="scan-problem">
              <Icon name="alert" className="message-icon" />
              <p>{problem}</p>
            </div>
          ))}
        </div>
        {report !== null && <ScanReview report={report} receivedAt={session.receivedAt} choices={session.choices} onChoose={session.choose} items={items} />}
      </div>
      <footer className="dialog-footer">
        <button type="button" className="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="button" className="button button-primary" onClick={() => void save()} disabled={pickedCount === 0 || busy !== null || saving} data-testid="scan-save">
          {saving ? t('common.saving') : pickedCount === 0 ? t('common.save') : translator.plural('scan.save', pickedCount)}
        </button>
      </footer>
    </Dialog>
  );
}
