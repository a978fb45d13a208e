/** The OTP engine: the only importer of otpauth. Secrets in, codes out. */
export { type OtpParameters, describeOtpAccount, toOtpSummary } from './otpParameters.js';
export { normaliseSecret } from './normaliseSecret.js';
export { parseOtpauthUri } from './parseOtpauthUri.js';
export { formatOtpauthUri } from './formatOtpauthUri.js';
export { parseOtpInput, type OtpInputDefaults } from './parseOtpInput.js';
export { generateCode, generateNextCode } from './generateCode.js';
export { forgetCachedSecrets } from './cachedSecret.js';
export { parseOtpauthMigrationUri, type MigrationBatch, type SkippedMigrationAccount } from './otpauthMigration.js';
export { quoteForMessage } from './quoteForMessage.js';
export { newOtpField, OTP_FIELD_LABELS } from './newOtpField.js';
export { otpItemContent, otpItemHeading, type OtpItemDetails } from './otpItemContent.js';
