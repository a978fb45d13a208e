// ESLint for TOTP Vault: typescript-eslint's recommended rules, and the layer fences of DESIGN.md
// ("Rules of the house") so that a wrong import fails `npm run lint` and therefore the build.
//
// Why a small local rule instead of `no-restricted-imports` patterns (decision note):
// - Patterns match the import *string*, not the file it names. `../vault/x.js` is a forbidden
//   climb from src/main/crypto/x.ts but a legal sibling from src/main/crypto/kdf/x.ts; only
//   resolving the path against the importing file tells them apart.
// - `no-restricted-imports` ignores `import()` and `require()`, the two ways a heavy dependency
//   would slip in lazily.
// - Flat config replaces a rule's options instead of merging them, so a file under two fenced
//   folders (src/main and src/main/crypto) would silently lose one list.
// The rule below resolves every module specifier (static, re-export, `import()`, `require()`,
// `import x = require()`, `typeof import()`) and checks it against the two tables, which are
// the whole policy: adding a layer or an owned dependency is one line.

import path from 'node:path';
import { isBuiltin } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig, globalIgnores } from 'eslint/config';
import { builtinRules } from 'eslint/use-at-your-own-risk';
import tseslint from 'typescript-eslint';

const ROOT = path.dirname(fileURLToPath(import.meta.url));

/** Any Node builtin, with or without the `node:` prefix (fs, node:fs, fs/promises, node:sqlite …). */
const NODE_BUILTINS = Symbol('Node builtins');
/** Any relative import that resolves outside the layer's own folder. */
const OUTSIDE = Symbol('outside this folder');

const HOSTS = ['src/main/cli', 'src/main/web', 'src/main/electron'];
const BELOW_VAULT_WHY =
  'Layers import only downward: crypto/storage/otp/qr/importers/exporters sit below the vault and the hosts (DESIGN.md, Rules of the house).';
const RENDERER_ASSETS_WHY =
  'Layers import only downward: rendererAssets (content types, CSP, security headers, folder containment for the built renderer) sits below the vault and both hosts, which share it instead of importing each other (DESIGN.md, Rules of the house).';

/**
 * Folder fences. A file is under every row whose folder contains it.
 * Targets: NODE_BUILTINS, OUTSIDE, a src/ folder (anything resolved inside it), or a package name.
 */
const LAYERS = [
  // folder                 may not import                                     because
  ['src/shared',            [NODE_BUILTINS, 'react', 'react-dom', OUTSIDE],     'src/shared is the contract: pure TypeScript shared by main and renderer, with no Node, Electron, DOM or React and no imports from other layers.'],
  ['src/renderer',          [NODE_BUILTINS, 'src/main'],                       'The renderer is untrusted and runs without Node: it talks only to the API object declared in src/shared.'],
  ['src/main/crypto',       ['src/main/vault', ...HOSTS],                      BELOW_VAULT_WHY],
  ['src/main/storage',      ['src/main/vault', ...HOSTS],                      BELOW_VAULT_WHY],
  ['src/main/otp',          ['src/main/vault', ...HOSTS],                      BELOW_VAULT_WHY],
  ['src/main/qr',           ['src/main/vault', ...HOSTS],                      BELOW_VAULT_WHY],
  ['src/main/importers',    ['src/main/vault', ...HOSTS],                      BELOW_VAULT_WHY],
  ['src/main/exporters',    ['src/main/vault', ...HOSTS],                      BELOW_VAULT_WHY],
  ['src/main/rendererAssets', ['src/main/vault', ...HOSTS],                    RENDERER_ASSETS_WHY],
  ['src/main/vault',        HOSTS,                                             'The vault is host-free: the CLI, web and Electron hosts import it, never the reverse.'],
  ['src/main/cli',          ['src/main/electron'],                             'The CLI must run where there is no Electron binary.'],
  ['src/main/web',          ['src/main/electron'],                             'The web host must run where there is no Electron binary.'],
  ['src/main/electron',     ['src/main/cli', 'src/main/web'],                  'Hosts are siblings: the Electron host shares code with the CLI and web host through the vault and rendererAssets, not through each other.'],
];

/** Native or heavy dependencies: only the owning folder (or folders) may import each (STYLE.md §6). */
const OWNERS = [
  // package                   owner folder          because
  ['electron',                 'src/main/electron',  'Only the thin Electron host imports electron; everything else stays host-free so the CLI, the web host and tests run without it.'],
  ['libsodium-wrappers-sumo',  'src/main/crypto',    'crypto/ is the only libsodium importer: keys, KDF parameters and memzero stay behind its small interface.'],
  ['better-sqlite3',           'src/main/storage',   'storage/ is the only better-sqlite3 importer: the native module and SQL stay behind the repository interface.'],
  ['otpauth',                  'src/main/otp',       'otp/ is the only otpauth importer: code generation and URI parsing stay behind its interface.'],
  ['jsqr',                     'src/shared/qr',      'shared/qr holds the one QR decoding strategy that the window (in a Web Worker) and the CLI both run.'],
  ['zxing-wasm',               ['src/shared/qr', 'src/renderer/scan'], 'shared/qr holds the one QR decoding strategy; renderer/scan only bundles the .wasm file into its worker (the window may fetch nothing, and never from a CDN).'],
  ['pngjs',                    'src/main/qr',        'main/qr reads image files for the CLI; the window decodes images with the browser.'],
  ['jpeg-js',                  'src/main/qr',        'main/qr reads image files for the CLI; the window decodes images with the browser.'],
  ['omggif',                   'src/main/qr',        'main/qr reads image files for the CLI; the window decodes images with the browser.'],
  ['bmp-ts',                   'src/main/qr',        'main/qr reads image files for the CLI; the window decodes images with the browser.'],
  ['qrcode',                   'src/main/qr',        'main/qr turns one entry into a QR module matrix for the window to draw; the window never encodes.'],
  ['@jsquash/webp',            'src/main/qr',        'main/qr reads image files for the CLI (and loads the WebP decoder from its package, never by URL).'],
];

const isInside = (file, folder) => file === folder || file.startsWith(`${folder}/`);

/** `@scope/name/deep` → `@scope/name`; `name/deep` → `name`. */
function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** What a specifier names, seen from `file` (root-relative, forward slashes). */
function classify(file, specifier) {
  if (specifier.startsWith('.') || specifier.startsWith('/')) {
    const resolved = path.resolve(ROOT, path.dirname(file), specifier);
    return { kind: 'file', path: path.relative(ROOT, resolved).split(path.sep).join('/') };
  }
  if (specifier.startsWith('node:') || isBuiltin(specifier)) return { kind: 'node' };
  return { kind: 'package', name: packageName(specifier) };
}

function targetHit(target, folder, imported) {
  if (target === NODE_BUILTINS) return imported.kind === 'node' ? 'a Node builtin' : undefined;
  if (target === OUTSIDE) return imported.kind === 'file' && !isInside(imported.path, folder) ? `${imported.path}, outside ${folder}` : undefined;
  if (target.startsWith('src/')) return imported.kind === 'file' && isInside(imported.path, target) ? target : undefined;
  return imported.kind === 'package' && imported.name === target ? `package ${target}` : undefined;
}

/** Every fence `specifier` breaks when imported from `file`, as messages. */
function fenceViolations(file, specifier) {
  const imported = classify(file, specifier);
  const problems = [];
  for (const [folder, targets, why] of LAYERS) {
    if (!isInside(file, folder)) continue;
    for (const target of targets) {
      const hit = targetHit(target, folder, imported);
      if (hit) problems.push(`${folder} must not import '${specifier}' (${hit}). ${why}`);
    }
  }
  if (imported.kind === 'package') {
    for (const [name, owner, why] of OWNERS) {
      const owners = [owner].flat();
      if (imported.name === name && !owners.some((folder) => isInside(file, folder))) problems.push(`Only ${owners.join(' and ')} may import '${name}'. ${why}`);
    }
  }
  return problems;
}

/** The module name in a string literal or a template literal without substitutions. */
function staticString(node) {
  if (node?.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node?.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked;
  return undefined;
}

const layerFences = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the layer fences and dependency owners of DESIGN.md' },
    schema: [],
    messages: { fence: '{{problem}}' },
  },
  create(context) {
    const file = path.relative(ROOT, context.filename).split(path.sep).join('/');
    if (file.startsWith('..') || path.isAbsolute(file)) return {};
    const check = (source) => {
      const specifier = staticString(source);
      if (specifier === undefined) return;
      for (const problem of fenceViolations(file, specifier)) {
        context.report({ node: source, messageId: 'fence', data: { problem } });
      }
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => node.source && check(node.source),
      ImportExpression: (node) => check(node.source),
      TSImportEqualsDeclaration: (node) =>
        node.moduleReference.type === 'TSExternalModuleReference' && check(node.moduleReference.expression),
      TSImportType: (node) => check(node.source ?? node.argument?.literal),
      CallExpression: (node) =>
        node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length === 1 && check(node.arguments[0]),
    };
  },
};

/** ESLint's own recommended core rules (what @eslint/js ships as `recommended`), without another dependency. */
const coreRecommended = Object.fromEntries(
  [...builtinRules].filter(([, rule]) => rule.meta?.docs?.recommended).map(([name]) => [name, 'error']),
);

/** Globals of plain Node scripts (bin/, config files); TypeScript files get theirs from tsc. */
const nodeGlobals = Object.fromEntries(
  [
    'process', 'console', 'Buffer', 'URL', 'URLSearchParams', 'TextEncoder', 'TextDecoder', 'AbortController',
    'AbortSignal', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate',
    'queueMicrotask', 'structuredClone', 'performance', 'fetch', 'WebAssembly', 'crypto', 'atob', 'btoa',
  ].map((name) => [name, 'readonly']),
);

export default defineConfig(
  globalIgnores(['dist/', 'release/', 'node_modules/', 'test-results/', 'coverage/', '.vault-tmp/']),
  {
    // What we lint: every .js/.ts/.tsx outside the ignores (src/**, test/**, bin/*.js, the config
    // files). typescript-eslint's recommended set below switches off the core rules tsc covers.
    files: ['**/*.{js,mjs,cjs,ts,mts,cts,tsx}'],
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: coreRecommended,
  },
  tseslint.configs.recommended,
  {
    rules: {
      // `_`-prefixed names are deliberately unused (handler signatures, destructuring away a field).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { sourceType: 'module', globals: nodeGlobals },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { local: { rules: { 'layer-fences': layerFences } } },
    rules: { 'local/layer-fences': 'error' },
  },
);
