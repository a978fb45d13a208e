#!/usr/bin/env node
// The `totp-vault` command. This file must parse on any Node that can load an ES module (12+), so it
// uses nothing newer than ES2017 and no static imports: the version check has to run, and explain
// itself, before anything that needs Node 22 (better-sqlite3 13, the compiled CLI) is loaded.

var MINIMUM = [22, 12, 0];
var EX_UNAVAILABLE = 69;
var EX_SOFTWARE = 70;

function isOlderThanMinimum(version) {
  var parts = version.split('.').map(function (part) {
    return parseInt(part, 10) || 0;
  });
  for (var index = 0; index < MINIMUM.length; index += 1) {
    var have = parts[index] || 0;
    if (have !== MINIMUM[index]) return have < MINIMUM[index];
  }
  return false;
}

function fail(message, status) {
  process.stderr.write('totp-vault: ' + message + '\n');
  process.exitCode = status;
}

var running = process.versions.node;

if (isOlderThanMinimum(running)) {
  fail(
    'needs Node.js ' + MINIMUM[0] + '.' + MINIMUM[1] + ' or newer (this is Node ' + running + '). ' +
      'Run it through npm (npx totp-vault …) or install Node ' + MINIMUM[0] + '.',
    EX_UNAVAILABLE,
  );
} else {
  import('../dist/main/cli/main.js').then(
    function (cli) {
      return cli.main(process.argv.slice(2));
    },
    function (error) {
      var missing = error && error.code === 'ERR_MODULE_NOT_FOUND' && /\/dist\/main\/cli\/main\.js$/.test(String(error.url));
      var firstLine = String((error && error.message) || error).split('\n')[0];
      fail(
        missing ? 'the command is not built yet: run `npm run build` in the totp-vault folder first.' : 'could not start: ' + firstLine,
        EX_SOFTWARE,
      );
    },
  );
}
