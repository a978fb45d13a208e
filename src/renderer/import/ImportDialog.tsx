import { type FormEvent, useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { IMPORT_FILE_MAX_BYTES, type ImportOutcomeView } from '../../shared/api.js';
import type { ErrorInfo } from '../../shared/errors.js';
import { useAppServices } from '../app/AppServices.js';
import { Dialog } from '../app/Dialog.js';
import { ErrorMessage } from '../app/ErrorMessage.js';
import { Icon } from '../app/Icon.js';
import { PasswordInput } from '../app/PasswordInput.js';
import { useWindowFileDrop } from '../app/useWindowFileDrop.js';
import type { ErrorDescription } from '../i18n/describeError.js';
import { base64FromBytes } from './base64FromBytes.js';
import { describeImportError } from './describeImportError.js';
import { describeImportCounts, describeImportOutcome } from './importReport.js';
import { ImportPreview, type ReadImport } from './ImportPreview.js';
import { useImportSession } from './useImportSession.js';

/** A file read here, on its way to main: kept only while its password is asked for. */
interface PendingFile {
  readonly fileName: string;
  readonly data: string;
}

type Step =
  | { readonly kind: 'choose' }
  | { readonly kind: 'password'; readonly file: PendingFile; readonly label: string }
  | { readonly kind: 'preview'; readonly fileName: string; readonly preview: ReadImport }
  | { readonly kind: 'done'; readonly preview: ReadImport; readonly outcome: ImportOutcomeView };

interface ImportDialogProps {
  /** A file dropped on the vault window that opened the dialog, read at once. */
  readonly initialFile: File | null;
  readonly onClose: () => void;
}

/**
 * "Import from another app": the user opens or drops another app's export file; main tells its format from
 * the content and reads it (asking for the export's password first when it is encrypted), and the dialog
 * shows what it holds (counts, items the vault already has, what cannot be taken over). Nothing is added
 * until Import, which adds it all in one transaction; the lists reload on the vaultChanged that follows.
 * The file's bytes go to main and are dropped here once main has read them.
 */
export function ImportDialog({ initialFile, onClose }: ImportDialogProps) {
  const { translator, reportError, notify } = useAppServices();
  const { t } = translator;
  const session = useImportSession();
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  /** What is happening now (null when idle) and what the last reading came to: one live region says either. */
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState<ErrorDescription | null>(null);
  const [password, setPassword] = useState('');
  const [passwordError, setPasswordError] = useState<ErrorDescription | null>(null);
  const [skipDuplicates, setSkipDuplicates] = useState(true);
  const busyRef = useRef(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const chooseButton = useRef<HTMLButtonElement>(null);
  const passwordInput = useRef<HTMLInputElement>(null);
  const fileHeading = useRef<HTMLHeadingElement>(null);
  const doneButton = useRef<HTMLButtonElement>(null);
  const ids = { password: useId(), passwordIntro: useId(), passwordError: useId(), form: useId() };

  /** One action at a time; what it is doing is announced, then what it came to. */
  const runEnded = useRef(false);
  const run = useCallback(async (label: string, work: () => Promise<void>) => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(label);
    setStatus('');
    setProblem(null);
    try {
      await work();
    } finally {
      busyRef.current = false;
      runEnded.current = true;
      setBusy(null);
    }
  }, []);

  // After an action the focus goes where the step begins, if the step changed or the control that had
  // the focus went away (disabled while busy, or gone with the step).
  const stepAtRunEnd = useRef(step);
  useEffect(() => {
    if (busy !== null || !runEnded.current) return;
    runEnded.current = false;
    const changed = stepAtRunEnd.current !== step;
    stepAtRunEnd.current = step;
    if (!changed && document.activeElement !== null && document.activeElement !== document.body) return;
    const targets = { choose: chooseButton, password: passwordInput, preview: fileHeading, done: doneButton };
    targets[step.kind].current?.focus();
  }, [busy, step]);

  const failed = (error: ErrorInfo): ErrorDescription | null => {
    if (error.code !== 'VAULT_LOCKED') return describeImportError(error, translator);
    reportError(error);
    return null;
  };

  /** Sends the file (with the export's password once there is one) and moves to the step main's answer calls for. */
  const read = async (file: PendingFile, exportPassword: string | null) => {
    const result = await session.preview({ ...file, format: null, password: exportPassword });
    if (!result.ok) {
      const description = failed(result.error);
      if (description === null) return;
      if (exportPassword !== null) {
        // Said in place: the password field keeps what was typed, selected, to be typed over.
        setPasswordError(description);
        passwordInput.current?.select();
        return;
      }
      // Main forgot any earlier preview when this one began.
      setStep({ kind: 'choose' });
      setProblem(description);
      return;
    }
    const answer = result.value;
    setPassword('');
    setPasswordError(null);
    if (answer.kind === 'needsPassword') {
      setStep({ kind: 'password', file, label: answer.label });
      return;
    }
    setSkipDuplicates(true);
    setStep({ kind: 'preview', fileName: file.fileName, preview: answer });
    setStatus(t('import.readStatus', { name: file.fileName, counts: describeImportCounts(answer, translator) }));
  };

  const openFile = (file: File) =>
    run(t('import.reading', { name: file.name }), async () => {
      if (file.size > IMPORT_FILE_MAX_BYTES) {
        setStep({ kind: 'choose' });
        setProblem({ summary: t('import.tooLarge', { name: file.name, size: IMPORT_FILE_MAX_BYTES / 1024 / 1024 }), detail: null });
        return;
      }
      let data: string;
      try {
        const bytes = new Uint8Array(await file.arrayBuffer());
        data = base64FromBytes(bytes);
        // The export may hold secrets in the clear: its bytes are not left for the collector.
        bytes.fill(0);
      } catch {
        setStep({ kind: 'choose' });
        setProblem({ summary: t('import.unreadable', { name: file.name }), detail: null });
        return;
      }
      await read({ fileName: file.name, data }, null);
    });

  const submitPassword = (event: FormEvent) => {
    event.preventDefault();
    if (step.kind !== 'password' || password === '') return;
    void run(t('import.reading', { name: step.file.fileName }), () => read(step.file, password));
  };

  const apply = () => {
    if (step.kind !== 'preview') return;
    const { preview } = step;
    void run(t('import.importing'), async () => {
      const result = await session.apply(preview.importId, !skipDuplicates);
      if (!result.ok) {
        setProblem(failed(result.error));
        return;
      }
      notify({ text: describeImportOutcome(result.value, translator) });
      setStep({ kind: 'done', preview, outcome: result.value });
    });
  };

  const dragging = useWindowFileDrop((files) => {
    const [file] = files;
    if (file !== undefined) void openFile(file);
  });

  const openFileRef = useRef(openFile);
  useLayoutEffect(() => {
    openFileRef.current = openFile;
  });
  const initialRead = useRef(false);
  useEffect(() => {
    if (initialFile === null || initialRead.current) return;
    initialRead.current = true;
    void openFileRef.current(initialFile);
  }, [initialFile]);

  const working = busy !== null;
  const importCount = step.kind === 'preview' ? step.preview.items - (skipDuplicates ? step.preview.duplicates.length : 0) : 0;
  const chooseFile = (label: string, primary: boolean) => (
    <button
      type="button"
      ref={chooseButton}
      className={primary ? 'button button-primary' : 'button'}
      onClick={() => fileInput.current?.click()}
      disabled={working}
      data-autofocus={primary ? true : undefined}
    >
      <Icon name="import" />
      {label}
    </button>
  );

  return (
    <Dialog title={t('import.title')} onClose={onClose} size="large" testId="import-dialog">
      <div className={dragging ? 'dialog-body import-body import-body-dropping' : 'dialog-body import-body'} aria-busy={working}>
        <input
          ref={fileInput}
          type="file"
          hidden
          data-testid="import-file-input"
          onChange={(event) => {
            const file = event.target.files?.[0];
            // Clearing the input lets the same file be chosen again.
            event.target.value = '';
            if (file !== undefined) void openFile(file);
          }}
        />
        {step.kind === 'choose' && (
          <>
            <p>{t('import.intro')}</p>
            <div className="import-actions">
              {chooseFile(t('import.chooseFile'), true)}
              <p className="hint">{t('import.dropHint')}</p>
            </div>
          </>
        )}
        {step.kind === 'password' && (
          <form id={ids.form} className="form" onSubmit={submitPassword}>
            <p id={ids.passwordIntro}>{t('import.passwordIntro', { name: step.file.fileName, format: step.label })}</p>
            <div className="field">
              <label className="label" htmlFor={ids.password}>
                {t('import.password')}
              </label>
              <PasswordInput
                ref={passwordInput}
                id={ids.password}
                value={password}
                onChange={(event) => setPassword(event.target.value)}
                autoComplete="off"
                aria-invalid={passwordError !== null}
                aria-describedby={passwordError === null ? ids.passwordIntro : `${ids.passwordError} ${ids.passwordIntro}`}
              />
              {passwordError !== null && <ErrorMessage error={passwordError} id={ids.passwordError} testId="import-password-error" />}
            </div>
          </form>
        )}
        {(step.kind === 'password' || step.kind === 'preview') && <div className="import-actions">{chooseFile(t('import.chooseAnother'), false)}</div>}
        {step.kind === 'preview' && (
          <ImportPreview fileName={step.fileName} preview={step.preview} skipDuplicates={skipDuplicates} onSkipDuplicatesChange={setSkipDuplicates} headingRef={fileHeading} />
        )}
        {step.kind === 'done' && (
          <div className="message message-info" data-testid="import-report">
            <Icon name="check" className="message-icon" />
            <div>
              <p className="message-title">{describeImportOutcome(step.outcome, translator)}</p>
              {step.preview.trashed > 0 && <p>{t('import.trashNote', { format: step.preview.label })}</p>}
            </div>
          </div>
        )}
        <p role="status" className="import-status" data-testid="import-status">
          {working && <span className="spinner" aria-hidden="true" />}
          {busy ?? status}
        </p>
        <div role="alert" className="import-problems">
          {problem !== null && <ErrorMessage error={problem} announce={false} testId="import-problem" />}
        </div>
      </div>
      <footer className="dialog-footer">
        {step.kind === 'preview' && importCount === 0 && <p className="hint dialog-footer-message">{t('import.nothingNew')}</p>}
        {step.kind === 'done' ? (
          <button type="button" ref={doneButton} className="button button-primary" onClick={onClose}>
            {t('import.finish')}
          </button>
        ) : (
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        )}
        {step.kind === 'password' && (
          <button type="submit" form={ids.form} className="button button-primary" disabled={working || password === ''}>
            {t('import.continue')}
          </button>
        )}
        {step.kind === 'preview' && (
          <button type="button" className="button button-primary" onClick={apply} disabled={working || importCount === 0} data-testid="import-submit">
            {importCount === 0 ? t('import.submitNone') : translator.plural('import.submit', importCount)}
          </button>
        )}
      </footer>
    </Dialog>
  );
}
