import type { ItemView } from '../../shared/api.js';
import type { OtpCode } from '../../shared/otp.js';
import { useAppServices } from '../app/AppServices.js';
import { Icon } from '../app/Icon.js';
import type { CopyRequest } from '../codes/copiedText.js';
import { CountdownRing, LAST_SECONDS } from '../codes/CountdownRing.js';
import { groupCode, splitEvery } from '../../shared/groupCode.js';
import { fieldKeyString } from '../codes/listRows.js';
import type { LiveCodeStore } from '../codes/liveCodeStore.js';
import { useLiveCode } from '../codes/useLiveCode.js';
import { describeOtpSummary } from './describeOtpSummary.js';
import { secretFromUri } from './secretFromUri.js';

type OtpFieldView = ItemView['otp'][number];

interface OtpFieldDetailsProps {
  readonly itemId: string;
  readonly title: string;
  readonly field: OtpFieldView;
  readonly store: LiveCodeStore;
  readonly hotpCode: OtpCode | undefined;
  /** The field's URI while the user has revealed it; null otherwise. */
  readonly revealedUri: string | null;
  readonly onReveal: () => void;
  readonly onHide: () => void;
  readonly onCopy: (request: CopyRequest) => Promise<boolean>;
  readonly onCopyCode: () => void;
  readonly onShowHotpCode: () => void;
}

/** One OTP field in the item view: its live code, its settings, and its secret only on request. */
export function OtpFieldDetails(props: OtpFieldDetailsProps) {
  const { translator } = useAppServices();
  const { t } = translator;
  const { field } = props;
  const label = field.label.trim() || t('details.oneTimeCode');
  const secret = props.revealedUri === null ? '' : secretFromUri(props.revealedUri);
  return (
    <div className="otp-details">
      <div className="otp-details-head">
        <h4 className="otp-details-label">{label}</h4>
        <p className="hint">{describeOtpSummary(field.summary, translator)}</p>
      </div>
      {field.summary.type === 'hotp' ? (
        <div className="otp-details-code">
          {props.hotpCode !== undefined && <span className="code code-large">{groupCode(props.hotpCode.code)}</span>}
          <button type="button" className="button" onClick={props.onShowHotpCode}>
            {t('row.showCode')}
          </button>
        </div>
      ) : (
        <LiveCodeLine store={props.store} fieldKey={fieldKeyString(props.itemId, field.id)} onCopyCode={props.onCopyCode} />
      )}
      <div className="otp-secret">
        {props.revealedUri === null ? (
          <button type="button" className="button button-small" onClick={props.onReveal}>
            <Icon name="key" />
            {t('details.revealSecret')}
          </button>
        ) : (
          <>
            <dl className="otp-secret-values">
              <div className="detail-field">
                <dt className="detail-label">{t('details.secret')}</dt>
                <dd className="detail-field-body">
                  <span className="detail-value detail-value-mono">{splitEvery(secret, 4)}</span>
                  <CopyButton name={t('details.secret')} text={secret} onCopy={props.onCopy} />
                </dd>
              </div>
              <div className="detail-field">
                <dt className="detail-label">{t('details.uri')}</dt>
                <dd className="detail-field-body">
                  <span className="detail-value detail-value-mono detail-value-wrap">{props.revealedUri}</span>
                  <CopyButton name={t('details.uri')} text={props.revealedUri} onCopy={props.onCopy} />
                </dd>
              </div>
            </dl>
            <button type="button" className="button button-small" onClick={props.onHide}>
              <Icon name="eyeOff" />
              {t('details.hideSecret')}
            </button>
          </>
        )}
      </div>
    </div>
  );
}

function LiveCodeLine({ store, fieldKey, onCopyCode }: { readonly store: LiveCodeStore; readonly fieldKey: string; readonly onCopyCode: () => void }) {
  const { translator } = useAppServices();
  const live = useLiveCode(store, fieldKey);
  return (
    <div className="otp-details-code">
      {live === undefined ? (
        <span className="code code-large code-placeholder">{translator.t('common.loading')}</span>
      ) : (
        <>
          <span className="code code-large">{groupCode(live.current.code)}</span>
          <CountdownRing remaining={live.current.remaining} period={live.current.period} codeKey={live.current.code} />
          {live.next !== null && live.current.remaining <= LAST_SECONDS && (
            <span className="code-next">{translator.t('row.nextCode', { code: groupCode(live.next.code) })}</span>
          )}
        </>
      )}
      <button type="button" className="button" onClick={onCopyCode} disabled={live === undefined}>
        <Icon name="copy" />
        {translator.t('details.copyCode')}
      </button>
    </div>
  );
}

function CopyButton({ name, text, onCopy }: { readonly name: string; readonly text: string; readonly onCopy: (request: CopyRequest) => Promise<boolean> }) {
  const { translator } = useAppServices();
  const label = translator.t('common.copyNamed', { name });
  return (
    <span className="detail-actions">
      <button
        type="button"
        className="icon-button icon-button-small"
        aria-label={label}
        title={label}
        onClick={() => void onCopy({ text, message: translator.t('common.copiedNamed', { name }) })}
      >
        <Icon name="copy" />
      </button>
    </span>
  );
}
