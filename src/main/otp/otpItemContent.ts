import { type ItemContent, emptyItemContent } from '../../shared/item.js';
import { newOtpField } from './newOtpField.js';
import type { OtpParameters } from './otpParameters.js';

export interface OtpItemDetails {
  readonly title?: string | undefined;
  readonly username?: string | undefined;
  readonly tags?: readonly string[] | undefined;
  readonly favorite?: boolean | undefined;
}

/**
 * A new item holding one account, as `add`, a scanned QR code and an authenticator app's export create it
 * (see otpItemHeading for its name and template).
 */
export function otpItemContent(parameters: OtpParameters, details: OtpItemDetails = {}): ItemContent {
  const { template, title } = otpItemHeading(parameters, details.title);
  return {
    ...emptyItemContent(template),
    title,
    username: details.username ?? '',
    tags: details.tags ?? [],
    favorite: details.favorite ?? false,
    otp: [newOtpField(parameters)],
  };
}

/**
 * What a new item for an account is called and which template it gets: `title` if given, else its issuer,
 * else its account; the Microsoft 365 / Entra template when the issuer is Microsoft, whose sign-in pages are
 * where staff meet it. The scan review shows this before anything is created.
 */
export function otpItemHeading(parameters: OtpParameters, title?: string): Pick<ItemContent, 'template' | 'title'> {
  return {
    template: /^microsoft\b/i.test(parameters.issuer.trim()) ? 'microsoft365' : 'login',
    title: [title, parameters.issuer, parameters.account].map((candidate) => candidate?.trim() ?? '').find((candidate) => candidate !== '') ?? '',
  };
}
