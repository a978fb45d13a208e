import { useId, useState } from 'react';
import { useAppServices } from '../app/AppServices.js';
import { Icon } from '../app/Icon.js';
import { addTags } from './tagList.js';

/** Tags as chips: Enter or a comma turns what was typed into a chip; Backspace in an empty box removes the last. */
export function TagInput({ tags, onChange }: { readonly tags: readonly string[]; readonly onChange: (tags: string[]) => void }) {
  const { translator } = useAppServices();
  const { t } = translator;
  const [text, setText] = useState('');
  const inputId = useId();
  const hintId = useId();

  const commit = (value: string) => {
    const next = addTags(tags, value);
    if (next.length !== tags.length) onChange(next);
    setText('');
  };

  return (
    <div className="field">
      <label className="label" htmlFor={inputId}>
        {t('editor.tags')}
      </label>
      <div className="tag-input">
        {tags.length > 0 && (
          <ul className="tag-list">
            {tags.map((tag) => (
              <li key={tag} className="tag">
                {tag}
                <button
                  type="button"
                  className="tag-remove"
                  aria-label={t('editor.removeTag', { tag })}
                  title={t('editor.removeTag', { tag })}
                  onClick={() => onChange(tags.filter((candidate) => candidate !== tag))}
                >
                  <Icon name="close" />
                </button>
              </li>
            ))}
          </ul>
        )}
        <input
          id={inputId}
          className="tag-input-text"
          value={text}
          aria-describedby={hintId}
          onChange={(event) => {
            const value = event.target.value;
            const lastComma = value.lastIndexOf(',');
            if (lastComma === -1) setText(value);
            else {
              onChange(addTags(tags, value.slice(0, lastComma)));
              setText(value.slice(lastComma + 1));
            }
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              commit(text);
            } else if (event.key === 'Backspace' && text === '' && tags.length > 0) {
              onChange(tags.slice(0, -1));
            }
          }}
          onBlur={() => text.trim() !== '' && commit(text)}
        />
      </div>
      <p className="hint" id={hintId}>
        {t('editor.tagsHint')}
      </p>
    </div>
  );
}
