import type { Language } from '../../shared/preferences.js';
import { en } from './en.js';
import { nb } from './nb.js';

export type MessageKey = keyof typeof en;

/** The messages that come in plural forms, named without their `#one` / `#other` suffix. */
export type PluralKey = { [K in MessageKey]: K extends `${infer Base}#other` ? Base : never }[MessageKey];

/** The `{name}` placeholders of a message, as a union of their names. */
type Placeholders<Text extends string> = Text extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;

/** Messages without placeholders: what lookup tables (error codes, templates, themes) may point at. */
export type PlainMessageKey = { [K in MessageKey]: [Placeholders<(typeof en)[K]>] extends [never] ? K : never }[MessageKey];

export type MessageValues<K extends MessageKey> = Record<Placeholders<(typeof en)[K]>, string | number>;

/** A message without placeholders takes no values; one with placeholders must be given every one. */
type ValuesArgument<K extends MessageKey> = [Placeholders<(typeof en)[K]>] extends [never] ? [] : [values: MessageValues<K>];

type PluralValues<K extends PluralKey> = Omit<MessageValues<`${K}#other`>, 'count'>;
type PluralValuesArgument<K extends PluralKey> = [keyof PluralValues<K>] extends [never] ? [] : [values: PluralValues<K>];

const DICTIONARIES: Readonly<Record<Language, Readonly<Record<MessageKey, string>>>> = { en, nb };

/** Fills `{name}` placeholders; an unknown placeholder is left as written so a mistake is visible, not blank. */
export function formatMessage(template: string, values: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : String(value);
  });
}

export interface Translator {
  readonly language: Language;
  /** The BCP 47 tag for Intl formatters and `<html lang>`. */
  readonly locale: string;
  t<K extends MessageKey>(key: K, ...values: ValuesArgument<K>): string;
  /** The form of a plural message for `count` ({count} is filled in). */
  plural<K extends PluralKey>(key: K, count: number, ...values: PluralValuesArgument<K>): string;
}

export function createTranslator(language: Language): Translator {
  const messages = DICTIONARIES[language];
  const locale = language === 'nb' ? 'nb-NO' : 'en';
  const pluralRules = new Intl.PluralRules(locale);
  const numberFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  // Numbers in the language's own way: "10,000" in English, "10 000" in Norwegian.
  const localised = (values: Readonly<Record<string, string | number>> = {}): Record<string, string> =>
    Object.fromEntries(Object.entries(values).map(([name, value]) => [name, typeof value === 'number' ? numberFormat.format(value) : value]));
  return {
    language,
    locale,
    t(key, ...values) {
      return formatMessage(messages[key], localised(values[0]));
    },
    plural(key, count, ...values) {
      const category = pluralRules.select(count);
      const formKey = `${key}#${category}`;
      const template = formKey in messages ? messages[formKey as MessageKey] : messages[`${key}#other`];
      return formatMessage(template, localised({ ...values[0], count }));
    },
  };
}
