// npm run build: the Chrome and Firefox builds under dist/, and a zip of each.
import { build } from 'vite';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

for (const target of ['chrome', 'firefox']) {
  process.env.TARGET = target;
  await build({ configFile: 'vite.config.ts', logLevel: 'warn', mode: 'production' });
  const out = process.env.DIST_DIR ?? 'dist';
  const dir = join(out, target);
  const entries = Object.fromEntries(files(dir).map((f) => [relative(dir, f).split('\\').join('/'), readFileSync(f)]));
  writeFileSync(join(out, `account-guard-${target}.zip`), zipSync(entries, { level: 9 }));
  console.log(`built ${dir} and ${join(out, `account-guard-${target}.zip`)}`);
}
