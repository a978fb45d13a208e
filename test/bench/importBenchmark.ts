import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Measurement, median } from './benchmarkReport.ts';
import { base32Of } from './vaultBenchmark.ts';

const ITEMS = 10_000;
const RUNS = 3;
const MiB = 1024 * 1024;
const probe = fileURLToPath(new URL('./importProbe.ts', import.meta.url));

interface ImportRun {
  readonly format: string;
  readonly items: number;
  readonly added: number;
  readonly problems: number;
  readonly readFileAndDetectMilliseconds: number;
  readonly parseMilliseconds: number;
  readonly previewMilliseconds: number;
  readonly saveMilliseconds: number;
  readonly totalMilliseconds: number;
  readonly rssBefore: number;
  readonly peakRss: number;
}

/**
 * Importing a 10,000-item Enpass JSON export into a vault, as `totp-vault import` does, KDF excluded: each run
 * in a fresh Node process (cold, and so that its peak resident memory is the import's), medians of three.
 */
export async function runImportBenchmark(): Promise<Measurement[]> {
  const folder = mkdtempSync(join(tmpdir(), 'totp-vault-import-bench-'));
  try {
    const exportPath = join(folder, 'enpass-export.json');
    writeFileSync(exportPath, JSON.stringify(enpassExport(ITEMS)));
    const runs = Array.from({ length: RUNS }, (_, run) => runProbe(exportPath, join(folder, `vault-${run}.totpvault`)));
    for (const run of runs) {
      if (run.format !== 'enpass-json' || run.added !== ITEMS || run.problems !== 0) throw new Error(`import benchmark: unexpected import ${JSON.stringify(run)}`);
    }
    const name = 'import 10,000-item Enpass JSON';
    const metric = (key: keyof ImportRun) => median(runs.map((run) => run[key] as number));
    return await Promise.resolve([
      { benchmark: name, metric: 'total: read, detect, parse, preview, save (KDF excluded)', value: metric('totalMilliseconds'), unit: 'ms', target: 2000 },
      { benchmark: name, metric: 'read the file and detect its format', value: metric('readFileAndDetectMilliseconds'), unit: 'ms' },
      { benchmark: name, metric: 'parse the export into items', value: metric('parseMilliseconds'), unit: 'ms' },
      { benchmark: name, metric: 'preview (duplicate detection)', value: metric('previewMilliseconds'), unit: 'ms' },
      { benchmark: name, metric: 'save (validate, encrypt, one transaction)', value: metric('saveMilliseconds'), unit: 'ms' },
      { benchmark: name, metric: 'peak resident memory growth', value: median(runs.map((run) => (run.peakRss - run.rssBefore) / MiB)), unit: 'MiB' },
    ]);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function runProbe(exportPath: string, vaultPath: string): ImportRun {
  const child = spawnSync(process.execPath, [probe, exportPath, vaultPath], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`import probe failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as ImportRun;
}

/**
 * An Enpass 6 JSON export (`{folders, items}`, as the fixtures in ../shared/fixtures/migration/enpass) of `count`
 * Login items: username, e-mail, password, website, a TOTP field (every other one an otpauth:// URI, the rest a
 * bare secret as Microsoft's page shows it, in groups of four), a note, one of two folders, every 50th a
 * favourite and every 100th in the trash.
 */
export function enpassExport(count: number): object {
  const folders = [
    { icon: '1008', parent_uuid: '', title: 'Work', updated_at: 1748310188, uuid: 'f1ca1b69-d028-4c7c-acb4-d1bd444dbf44' },
    { icon: '1008', parent_uuid: '', title: 'Home', updated_at: 1748310188, uuid: 'db622f7c-a5e6-418a-9d3e-db77ed677e72' },
  ];
  const items = Array.from({ length: count }, (_, index) => {
    const secret = base32Of(index);
    const totp = index % 2 === 0 ? `otpauth://totp/Service%20${index}:user${index}%40example.com?secret=${secret}&issuer=Service%20${index}` : secret.replace(/(.{4})/g, '$1 ').trim();
    const field = (uid: number, order: number, type: string, label: string, value: string, sensitive = 0) => ({
      deleted: 0, label, order, sensitive, type, uid, updated_at: 1748310125, value, value_updated_at: 1748310125,
    });
    return {
      archived: 0,
      auto_submit: 1,
      category: 'login',
      category_name: 'Login',
      createdAt: 1748310125 + index,
      favorite: index % 50 === 0 ? 1 : 0,
      field_updated_at: 1748311134,
      fields: [
        field(10, 1, 'username', 'Username', `user${index}`),
        field(12, 2, 'email', 'E-mail', `user${index}@example.com`),
        field(11, 3, 'password', 'Password', `password-${index}-${secret.slice(0, 8)}`, 1),
        field(13, 4, 'url', 'Website', `https://service${index}.example.com`),
        field(102, 5, 'totp', 'One-time code', totp),
      ],
      folders: [folders[index % 2]!.uuid],
      icon: { fav: `service${index}.example.com`, image: { file: 'misc/login' }, type: 1, uuid: '' },
      note: `Recovery codes for service ${index} are in the safe.`,
      subtitle: `user${index}`,
      template_type: 'login.default',
      title: `Service ${index}`,
      trashed: index % 100 === 99 ? 1 : 0,
      updated_at: 1748311134 + index,
      uuid: `00000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`,
    };
  });
  return { folders, items };
}
