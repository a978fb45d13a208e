/**
 * `npm run bench`: every benchmark, printed as a table and as JSON. Targets are reported, not asserted
 * in tests: timing assertions in a test suite fail on a busy machine and prove nothing on a fast one.
 * Exits non-zero when a target is missed.
 */
import { printReport } from './benchmarkReport.ts';
import { runImportBenchmark } from './importBenchmark.ts';
import { runQrBenchmark } from './qrBenchmark.ts';
import { runUiBenchmark } from './uiBenchmark.ts';
import { runVaultBenchmark } from './vaultBenchmark.ts';

const measurements = [...(await runVaultBenchmark()), ...(await runImportBenchmark()), ...(await runQrBenchmark()), ...(await runUiBenchmark())];
const allMet = printReport(measurements);
process.exitCode = allMet ? 0 : 1;
