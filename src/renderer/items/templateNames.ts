import type { ItemTemplate } from '../../shared/item.js';
import type { PlainMessageKey } from '../i18n/translate.js';

export const TEMPLATE_NAMES: Readonly<Record<ItemTemplate, PlainMessageKey>> = {
  login: 'template.login',
  microsoft365: 'template.microsoft365',
  email: 'template.email',
  server: 'template.server',
  other: 'template.other',
};

export const TEMPLATE_DESCRIPTIONS: Readonly<Record<ItemTemplate, PlainMessageKey>> = {
  login: 'template.loginAbout',
  microsoft365: 'template.microsoft365About',
  email: 'template.emailAbout',
  server: 'template.serverAbout',
  other: 'template.otherAbout',
};
