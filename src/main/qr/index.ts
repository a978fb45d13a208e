/** QR codes in main: image files' bytes decoded into pixels (for the CLI), and what each code's text means. */
export { decodeImage, imageTypeOf, IMAGE_TYPES, type ImageType } from './readImage.js';
export { findQrCodes, loadQrDecoderFromPackage } from './loadQrDecoder.js';
export { collectScannedAccounts, scannedAccountKey, type ScanCollection, type ScannedSource, type ScannedAccount, type MigrationProgress } from './collectScannedAccounts.js';
export { classifyQrText, describeQrMeaning, toScanSummary, SCAN_SUMMARY_KINDS, type QrMeaning, type ScanSummaryKind, type ScanSummary } from './classifyQrText.js';
