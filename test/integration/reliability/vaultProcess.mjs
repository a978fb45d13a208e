// A separate process that uses the BUILT vault (dist/), as the CLI and the app do, for the crash and
// concurrency tests. One JSON line per event on stdout, written with writeSync so that a line the parent
// has read was written after the write it acknowledges had returned (committed).
//
//   node vaultProcess.mjs '{"mode":"mixed","path":…,"password":…,"writes":N,"seed":S,"hotp":{"itemId":…,"fieldId":…}}'
//   node vaultProcess.mjs '{"mode":"concurrent","path":…,"password":…,"label":"A","creates":200,"hotpCalls":100,"seed":S,"hotp":{…}}'
//   node vaultProcess.mjs '{"mode":"open","path":…,"password":…}'
//
// "mixed" prints {"ready":true}, then for each write {"intent":…} before it and {"ack":…} after it.
// "concurrent" and "open" print {"ready":true} and wait for a line on stdin before starting, so two
// processes can be released at the same moment.
import { existsSync, writeSync } from 'node:fs';
import { createInterface } from 'node:readline';

const distEntry = new URL('../../../dist/main/vault/index.js', import.meta.url);
if (!existsSync(distEntry)) {
  emit({ error: `dist is missing (${distEntry.pathname}): build with tsc -b before running these tests` });
  process.exit(3);
}
const { Vault } = await import(distEntry.href);

const config = JSON.parse(process.argv[2] ?? '{}');

function emit(event) {
  writeSync(1, `${JSON.stringify(event)}\n`);
}

/** mulberry32, the same generator as support.ts. */
function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function waitForGo() {
  return new Promise((resolve) => {
    const lines = createInterface({ input: process.stdin });
    lines.once('line', () => {
      lines.close();
      // An open stdin would keep this process alive after its work is done.
      process.stdin.destroy();
      resolve();
    });
  });
}

function counterOf(uri) {
  return Number(/[?&]counter=(\d+)/.exec(uri)[1]);
}

function nextHotp(vault, label) {
  const { itemId, fieldId } = config.hotp;
  const { code } = vault.nextHotpCode(itemId, fieldId);
  const field = vault.item(itemId).otp.find((candidate) => candidate.id === fieldId);
  return { op: 'hotp', label, id: itemId, code, counter: counterOf(field.uri) };
}

async function mixed(vault) {
  const random = seededRandom(config.seed);
  const items = vault.items().filter((item) => item.id !== config.hotp.itemId);
  const pick = (candidates) => candidates[Math.floor(random() * candidates.length)];
  for (let index = 0; index < config.writes; index += 1) {
    const roll = random();
    const live = items.filter((item) => item.trashedAt === null);
    if (items.length === 0 || roll < 0.3) {
      const title = `created ${config.seed}-${index}`;
      emit({ intent: { op: 'create', title } });
      const item = vault.createItem({ title, notes: 'x'.repeat(Math.floor(random() * 2000)) });
      items.push(item);
      emit({ ack: { op: 'create', id: item.id, title: item.title, trashed: false } });
    } else if (roll < 0.6 || live.length === 0) {
      const target = pick(items);
      const title = `updated ${config.seed}-${index}`;
      emit({ intent: { op: 'update', id: target.id, title, trashed: target.trashedAt !== null } });
      const item = vault.updateItem(target.id, { ...target, title });
      items[items.indexOf(target)] = item;
      emit({ ack: { op: 'update', id: item.id, title: item.title, trashed: item.trashedAt !== null } });
    } else if (roll < 0.75) {
      const target = pick(live);
      emit({ intent: { op: 'trash', id: target.id, title: target.title, trashed: true } });
      const item = vault.trashItem(target.id);
      items[items.indexOf(target)] = item;
      emit({ ack: { op: 'trash', id: item.id, title: item.title, trashed: true } });
    } else {
      emit({ intent: { op: 'hotp', id: config.hotp.itemId } });
      emit({ ack: nextHotp(vault, 'mixed') });
    }
  }
}

async function concurrent(vault) {
  const random = seededRandom(config.seed);
  let creates = config.creates;
  let hotpCalls = config.hotpCalls;
  while (creates + hotpCalls > 0) {
    // A pause between writes, as any real caller has: a writer in a tight loop starves the other process
    // (SQLite's busy handler sleeps and retries, it does not queue), and the two would just take turns.
    await new Promise((resolve) => setTimeout(resolve, config.pauseMilliseconds ?? 0));
    if (random() * (creates + hotpCalls) < creates) {
      const item = vault.createItem({ title: `${config.label}-${config.creates - creates}` });
      creates -= 1;
      emit({ ack: { op: 'create', id: item.id, title: item.title } });
    } else {
      emit({ ack: nextHotp(vault, config.label) });
      hotpCalls -= 1;
    }
  }
}

try {
  if (config.mode === 'open') {
    emit({ ready: true });
    await waitForGo();
    const vault = await Vault.unlock(config.path, config.password);
    emit({ opened: true, titles: vault.items().map((item) => item.title) });
    vault.lock();
  } else {
    const vault = await Vault.unlock(config.path, config.password);
    emit({ ready: true });
    if (config.mode === 'mixed') await mixed(vault);
    else {
      await waitForGo();
      await concurrent(vault);
    }
    vault.lock();
    emit({ done: true });
  }
} catch (thrown) {
  emit({ error: String(thrown), code: thrown?.code ?? null });
  process.exit(2);
}
