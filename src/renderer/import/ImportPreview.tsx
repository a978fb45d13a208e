import { type Ref, useId } from 'react';
import type { ImportPreviewView } from '../../shared/api.js';
import { useAppServices } from '../app/AppServices.js';
import { describeImportCounts } from './importReport.js';

export type ReadImport = Extract<ImportPreviewView, { kind: 'preview' }>;

interface ImportPreviewProps {
  readonly fileName: string;
  readonly preview: ReadImport;
  readonly skipDuplicates: boolean;
  readonly onSkipDuplicatesChange: (skip: boolean) => void;
  /** The file's name heading, which takes the focus when the preview appears. */
  readonly headingRef: Ref<HTMLHeadingElement>;
}

/**
 * What an export holds before anything is added: how many items and codes, the items whose accounts the
 * vault already has (skipped unless the user says otherwise) and what the importer could not take over,
 * in the importer's own words. Titles and account names only: main keeps the secrets.
 */
export function ImportPreview({ fileName, preview, skipDuplicates, onSkipDuplicatesChange, headingRef }: ImportPreviewProps) {
  const { translator } = useAppServices();
  const { t } = translator;
  const ids = { file: useId(), duplicates: useId(), duplicatesHint: useId(), problems: useId() };
  const { duplicates, problems } = preview;
  return (
    <div className="import-preview">
      <section className="import-summary" aria-labelledby={ids.file}>
        <h3 id={ids.file} ref={headingRef} tabIndex={-1} className="import-file-name">
          {fileName}
        </h3>
        <p className="hint">{t('import.fileFormat', { format: preview.label })}</p>
        <p className="import-counts" data-testid="import-counts">
          {describeImportCounts(preview, translator)}
        </p>
        {preview.trashed > 0 && <p className="hint">{t('import.trashNote', { format: preview.label })}</p>}
      </section>
      {duplicates.length > 0 && (
        <section className="import-section" aria-labelledby={ids.duplicates} data-testid="import-duplicates">
          <h3 id={ids.duplicates} className="form-section-title">
            {t('import.duplicatesTitle')} ({duplicates.length})
          </h3>
          <p className="hint" id={ids.duplicatesHint}>
            {t('import.duplicatesHint')}
          </p>
          <ul className="import-list">
            {duplicates.map(({ title, accounts }, index) => (
              <li key={index} className="import-list-item">
                <span className="import-item-title">{title || t('common.untitled')}</span>
                <span className="import-item-detail">{accounts.join(', ')}</span>
              </li>
            ))}
          </ul>
          <label className="checkbox-field">
            <input
              type="checkbox"
              className="checkbox"
              checked={skipDuplicates}
              onChange={(event) => onSkipDuplicatesChange(event.target.checked)}
              aria-describedby={ids.duplicatesHint}
            />
            {t('import.skipDuplicates')}
          </label>
        </section>
      )}
      {problems.length > 0 && (
        <section className="import-section" aria-labelledby={ids.problems} data-testid="import-problems">
          <h3 id={ids.problems} className="form-section-title">
            {t('import.problemsTitle')} ({problems.length})
          </h3>
          <ul className="import-list">
            {problems.map(({ item, what, reason, kind }, index) => (
              <li key={index} className="import-list-item">
                <span className="import-item-title">{item || t('import.wholeFile')}</span>
                <span className="import-item-detail">
                  {what}: {reason} ({kind === 'skipped' ? t('import.problemSkipped') : t('import.problemInvalid')})
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
