import { type FormEvent, useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { ItemView, ScannedTexts } from '../../shared/api.js';
import type { ErrorInfo } from '../../shared/errors.js';
import type { ItemSummary } from '../../shared/item.js';
import type { RgbaFrame } from '../../shared/qr/decodeQrFrame.js';
import { useAppServices } from '../app/AppServices.js';
import { Dialog } from '../app/Dialog.js';
import { Icon } from '../app/Icon.js';
import { useWindowFileDrop } from '../app/useWindowFileDrop.js';
import { errorText } from '../i18n/describeError.js';
import { cropFrame, enlargeSmallCrop } from './cropFrame.js';
import { decodeFrames, stopQrDecoder } from './decodeFrames.js';
import { readImageFrame } from './drawFrame.js';
import { grabScreens, ScreenScanCancelled } from './grabScreens.js';
import { isEditableTarget } from './isEditableTarget.js';
import { RegionSelector } from './RegionSelector.js';
import { type ScanInput, scanInputFromPaste } from './scanInput.js';
import { ScanReview } from './ScanReview.js';
import type { FrameRect } from './selectionGeometry.js';
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

/** Overwrites the pixels of frames no longer needed: a screen grab must not linger until it is collected. */
function wipe(frames: readonly RgbaFrame[]): void {
  for (const frame of frames) frame.data.fill(0);
}

/**
 * "Scan QR code": reads QR codes off the screens (all of them, or an area the user selects on one), from
 * image files (opened, dropped or pasted) or from a pasted setup link, lets main explain them, and saves the
 * accounts the user picks. Pixels are decoded in a worker and dropped as soon as their texts are out; the
 * texts go to main and are not kept here. Screens grabbed for "Select a region" are held in memory only,
 * until the area is cut out of them or the selection is cancelled, and wiped then.
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
  const busyRef = useRef(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const regionButton = useRef<HTMLButtonElement>(null);
  /** The screens grabbed for "Select a region" while the selector shows them; null when it is closed. */
  const [regionFrames, setRegionFrames] = useState<readonly RgbaFrame[] | null>(null);
  const heldFrames = useRef<RgbaFrame[]>([]);
  const textInput = useRef<HTMLInputElement>(null);
  const ids = { text: useId(), textHint: useId() };

  // Closing ends the worker (and the pixels in its memory) and wipes any screens held for the region
  // selector; an action still running finds it closed.
  const closed = useRef(false);
  useEffect(() => {
    closed.current = false;
    return () => {
      closed.current = true;
      stopQrDecoder();
      wipe(heldFrames.current);
      heldFrames.current = [];
    };
  }, []);

  /** Closes the region selector and wipes the screens it showed. */
  const dropHeldFrames = useCallback(() => {
    wipe(heldFrames.current);
    heldFrames.current = [];
    setRegionFrames(null);
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

  // The selector takes the focus while it is open; once it has closed (and its area has been read), the
  // button that opened it gets the focus back.
  const selecting = regionFrames !== null;
  const refocusRegionButton = useRef(false);
  useEffect(() => {
    if (selecting) {
      refocusRegionButton.current = true;
      return;
    }
    if (!refocusRegionButton.current || busy !== null) return;
    refocusRegionButton.current = false;
    if (document.activeElement === null || document.activeElement === document.body) regionButton.current?.focus();
  }, [selecting, busy]);

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
  const grabbing = bridge.capture.screensInTurn ? t('scan.readingScreens') : t('scan.pickScreen');

  /** A frame of every screen, or null when the user cancelled the picker or the capture failed (and says so). */
  const grab = async (): Promise<RgbaFrame[] | null> => {
    try {
      const frames = await grabScreens(bridge.capture);
      if (frames.length > 0) return frames;
    } catch (error) {
      if (error instanceof ScreenScanCancelled) {
        setStatus(t('scan.cancelled'));
        return null;
      }
    }
    addProblem(t('scan.screenFailed'));
    return null;
  };

  const scanScreens = () =>
    run(grabbing, async () => {
      const frames = await grab();
      if (frames === null) return;
      setBusy(t('scan.readingScreens'));
      const found = await decode(frames);
      if (found !== null) await send(found.map((texts, index) => ({ source: t('scan.screenName', { number: index + 1 }), texts })));
    });

  /** "Select a region": grabs the screens as "Scan screen" does, and shows them in the selector instead of reading them. */
  const selectRegion = () =>
    run(grabbing, async () => {
      const frames = await grab();
      if (frames === null) return;
      // The dialog closed while the screens were grabbed: nobody will select on them.
      if (closed.current) {
        wipe(frames);
        return;
      }
      heldFrames.current = frames;
      setRegionFrames(frames);
    });

  /**
   * Reads the selected area alone, as a source of its own added to the scan: cut out of the screen's frame
   * (enlarged when small, see cropFrame.ts) before the screens are wiped; only the crop goes to the decoder.
   */
  const scanRegion = (screen: number, selection: FrameRect) =>
    run(t('scan.readingArea'), async () => {
      const frame = heldFrames.current[screen];
      let crop: RgbaFrame;
      try {
        if (frame === undefined) return;
        crop = enlargeSmallCrop(cropFrame(frame, selection));
      } finally {
        dropHeldFrames();
      }
      const found = await decode([crop]);
      if (found !== null) await send([{ source: t('scan.areaName', { number: screen + 1 }), texts: found[0] ?? [] }]);
    });

  const cancelRegion = () => {
    dropHeldFrames();
    setStatus(t('scan.regionCancelled'));
  };

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

  // The paste listener lives on the document for the dialog's lifetime; it calls the latest render's code.
  const scanInputRef = useRef(scanInput);
  useLayoutEffect(() => {
    scanInputRef.current = scanInput;
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
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, []);

  const dragging = useWindowFileDrop((files) => void scanImages(files.map((file) => ({ image: file, source: file.name }))));

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
        {regionFrames !== null ? (
          <RegionSelector frames={regionFrames} onScan={(screen, selection) => void scanRegion(screen, selection)} onCancel={cancelRegion} />
        ) : (
          <>
            {!scanned && <p className="scan-intro">{bridge.capture.screensInTurn ? t('scan.introInTurn') : t('scan.introPicker')}</p>}
            <div className="scan-actions">
              <button type="button" className={scanned ? 'button' : 'button button-primary'} onClick={() => void scanScreens()} disabled={busy !== null || saving} data-autofocus data-testid="scan-screen">
                <Icon name="qr" />
                {scanned ? t('scan.again') : t('scan.screen')}
              </button>
              <button type="button" ref={regionButton} className="button" onClick={() => void selectRegion()} disabled={busy !== null || saving} data-testid="scan-region">
                <Icon name="region" />
                {t('scan.region')}
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
          </>
        )}
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
        {report !== null && !selecting && <ScanReview report={report} receivedAt={session.receivedAt} choices={session.choices} onChoose={session.choose} items={items} />}
      </div>
      <footer className="dialog-footer">
        <button type="button" className="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="button" className="button button-primary" onClick={() => void save()} disabled={pickedCount === 0 || busy !== null || saving || selecting} data-testid="scan-save">
          {saving ? t('common.saving') : pickedCount === 0 ? t('common.save') : translator.plural('scan.save', pickedCount)}
        </button>
      </footer>
    </Dialog>
  );
}
