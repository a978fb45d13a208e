import type { ItemView } from '../../shared/api.js';
import type { Item, ItemSummary, OtpField } from '../../shared/item.js';
import type { OtpSummary } from '../../shared/otp.js';

/** Summarises an OTP field's URI; the vault's `otpSummary`, which caches the parse. */
export type SummariseOtp = (uri: string) => OtpSummary;

/** An item as its view shows it: everything but the OTP secrets. */
export function toItemView(item: Item, summarise: SummariseOtp): ItemView {
  const { otp, ...rest } = item;
  return { ...rest, otp: summariseFields(otp, summarise) };
}

/** An item as lists show it: no password, no notes, no OTP secret. Picked field by field so nothing else slips in. */
export function toItemSummary(item: Item, summarise: SummariseOtp): ItemSummary {
  return {
    id: item.id,
    template: item.template,
    title: item.title,
    username: item.username,
    email: item.email,
    websites: item.websites,
    tags: item.tags,
    favorite: item.favorite,
    trashedAt: item.trashedAt,
    updatedAt: item.updatedAt,
    otp: summariseFields(item.otp, summarise),
  };
}

function summariseFields(fields: readonly OtpField[], summarise: SummariseOtp): ItemView['otp'] {
  return fields.map(({ id, label, uri }) => ({ id, label, summary: summarise(uri) }));
}
