import { ITEM_TEMPLATES, type ItemTemplate } from '../../shared/item.js';
import { useAppServices } from '../app/AppServices.js';
import { TEMPLATE_DESCRIPTIONS, TEMPLATE_NAMES } from './templateNames.js';

/** The first step of a new item: what kind it is. Each choice is a button that goes straight to the form. */
export function TemplatePicker({ onPick }: { readonly onPick: (template: ItemTemplate) => void }) {
  const { translator } = useAppServices();
  const { t } = translator;
  return (
    <div className="dialog-body">
      <p className="template-question" id="template-question">
        {t('editor.chooseTemplate')}
      </p>
      <ul className="template-grid" aria-labelledby="template-question">
        {ITEM_TEMPLATES.map((template, index) => (
          <li key={template}>
            <button type="button" className={`template-card template-${template}`} onClick={() => onPick(template)} autoFocus={index === 0} data-autofocus={index === 0 || undefined}>
              <span className="template-name">{t(TEMPLATE_NAMES[template])}</span>
              <span className="template-about">{t(TEMPLATE_DESCRIPTIONS[template])}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
