import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import type { ItemView } from '../../shared/api.js';
import type { ErrorInfo } from '../../shared/errors.js';
import type { ItemTemplate } from '../../shared/item.js';
import { useAppServices } from '../app/AppServices.js';
import { ConfirmDialog } from '../app/ConfirmDialog.js';
import { Dialog } from '../app/Dialog.js';
import { ErrorMessage } from '../app/ErrorMessage.js';
import { contentFromDraft, draftForTemplate, draftFromItem, draftsDiffer, filledOtpFields, type ItemDraft, previewContext } from './itemDraft.js';
import { ItemForm } from './ItemForm.js';
import { newFieldId } from './newFieldId.js';
import { TemplatePicker } from './TemplatePicker.js';

interface ItemEditorProps {
  /** Null for a new item. */
  readonly itemId: string | null;
  /** For a new item: skip the template step with this one. */
  readonly initialTemplate: ItemTemplate | null;
  readonly onClose: () => void;
  readonly onSaved: (view: ItemView) => void;
  /** Leaves the editor for the scan dialog (the Microsoft 365 steps offer it when the page shows a QR code). */
  readonly onScanInstead: () => void;
}

type Problem = { readonly kind: 'title' } | { readonly kind: 'otp'; readonly error: ErrorInfo } | { readonly kind: 'save'; readonly error: ErrorInfo };

/**
 * Creates or edits an item. Editing starts from revealItem (the only time the item's OTP URIs reach the
 * renderer); the draft, and with it every secret, is dropped when the dialog closes. Saving asks main to
 * check each secret box once more and stores the URI main made of it.
 */
export function ItemEditor({ itemId, initialTemplate, onClose, onSaved, onScanInstead }: ItemEditorProps) {
  const { bridge, translator, reportError, notify } = useAppServices();
  const { t } = translator;
  const [draft, setDraft] = useState<ItemDraft | null>(() =>
    itemId === null && initialTemplate !== null ? draftForTemplate(initialTemplate, templateWords(), newFieldId) : null,
  );
  const [original, setOriginal] = useState<ItemDraft | null>(draft);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  /** What to do once the user agrees to drop their changes: close, or go to the scan dialog. */
  const [confirmingDiscard, setConfirmingDiscard] = useState<(() => void) | null>(null);
  const titleInput = useRef<HTMLInputElement | null>(null);
  const secretInputs = useRef(new Map<string, HTMLInputElement>());
  // The caller passes a new closure on every render; loading must not restart because of it.
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  function templateWords() {
    return { microsoftTitle: t('template.microsoft365Title'), workTag: t('template.workTag') };
  }

  useEffect(() => {
    if (itemId === null) return;
    let current = true;
    void bridge.api.revealItem({ id: itemId }).then((result) => {
      if (!current) return;
      if (!result.ok) {
        reportError(result.error);
        onCloseRef.current();
        return;
      }
      const loaded = draftFromItem(result.value);
      setDraft(loaded);
      setOriginal(loaded);
    });
    return () => {
      current = false;
    };
  }, [bridge, itemId, reportError]);

  const pickTemplate = (template: ItemTemplate) => {
    const fresh = draftForTemplate(template, templateWords(), newFieldId);
    setDraft(fresh);
    setOriginal(fresh);
  };

  const leave = (then: () => void) => {
    if (draft !== null && original !== null && draftsDiffer(draft, original) && !saving) setConfirmingDiscard(() => then);
    else then();
  };
  const requestClose = () => leave(onClose);

  const secretRef = useCallback(
    (fieldId: string) => (element: HTMLInputElement | null) => {
      if (element === null) secretInputs.current.delete(fieldId);
      else secretInputs.current.set(fieldId, element);
    },
    [],
  );

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (draft === null || saving) return;
    if (draft.title.trim() === '') {
      setProblem({ kind: 'title' });
      titleInput.current?.focus();
      return;
    }
    setSaving(true);
    setProblem(null);
    const { issuer, account } = previewContext(draft);
    const uris = new Map<string, string>();
    for (const field of filledOtpFields(draft)) {
      const checked = await bridge.api.previewOtp({ text: field.text, issuer, account });
      if (!checked.ok) {
        setSaving(false);
        if (checked.error.code === 'VAULT_LOCKED') return reportError(checked.error);
        setProblem({ kind: 'otp', error: checked.error });
        secretInputs.current.get(field.id)?.focus();
        return;
      }
      uris.set(field.id, checked.value.uri);
    }
    const result = await bridge.api.saveItem({ id: itemId, content: contentFromDraft(draft, uris) });
    setSaving(false);
    if (!result.ok) {
      if (result.error.code === 'VAULT_LOCKED') return reportError(result.error);
      setProblem({ kind: 'save', error: result.error });
      return;
    }
    notify({ text: t('editor.saved', { title: result.value.title || t('common.untitled') }) });
    onSaved(result.value);
    onClose();
  };

  const dialogTitle = itemId === null ? t('editor.newTitle') : t('editor.editTitle', { title: original?.title || t('common.untitled') });
  return (
    <Dialog title={dialogTitle} onClose={requestClose} size="large" testId="item-editor">
      {draft === null && itemId === null && <TemplatePicker onPick={pickTemplate} />}
      {draft === null && itemId !== null && (
        <div className="dialog-body" aria-busy="true">
          <p>{t('common.loading')}</p>
        </div>
      )}
      {draft !== null && (
        <form className="dialog-form" onSubmit={save} noValidate aria-busy={saving}>
          <div className="dialog-body form">
            <ItemForm
              draft={draft}
              onChange={(changed) => {
                setDraft(changed);
                if (problem?.kind === 'title' && changed.title.trim() !== '') setProblem(null);
              }}
              titleMissing={problem?.kind === 'title'}
              titleRef={(element) => {
                titleInput.current = element;
              }}
              secretRef={secretRef}
              onScanInstead={() => leave(onScanInstead)}
            />
          </div>
          <footer className="dialog-footer">
            {problem?.kind === 'otp' && (
              <p className="dialog-footer-message hint-error" role="alert">
                {t('editor.fixOtp')}
              </p>
            )}
            {problem?.kind === 'save' && (
              <div className="dialog-footer-message">
                <ErrorMessage error={problem.error} />
              </div>
            )}
            <button type="button" className="button" onClick={requestClose}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="button button-primary" disabled={saving} data-testid="item-save">
              {saving ? t('common.saving') : t('common.save')}
            </button>
          </footer>
        </form>
      )}
      {confirmingDiscard !== null && (
        <ConfirmDialog
          title={t('editor.discardTitle')}
          body={t('editor.discardBody')}
          confirmLabel={t('editor.discard')}
          cancelLabel={t('editor.keepEditing')}
          danger
          onConfirm={confirmingDiscard}
          onCancel={() => setConfirmingDiscard(null)}
        />
      )}
    </Dialog>
  );
}
