/**
 * `npm run size`: min+gzip sizes of what users load, against the budgets. Prints figures; exits 1 above budget
 * (`--report` only prints). Needs `npm run build` first.
 * - the library's own code: every element, the store and the strings, with lit and aws-amplify left external
 *   (what an app that already has them pays);
 * - dist/cognito-elements.js: the single-file bundle for plain pages (lit and aws-amplify included).
 */
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const KB = 1024;
/**
 * library: the three elements, the store and the en + ja strings (2.4 KB of it Japanese, kept in the first load so
 * that Japanese pages never show English first). 14.4 KB for the first three elements; +2.0 KB for the hardening
 * that makes them safe to use (16.7 KB after the store became a state machine split by job; 17.0 with the review's fixes: clock skew,
 * abandoned sign-ins, the token view, body-safe authFetch deadline) (a deadline on every network action, refresh failures told apart and retried with
 * backoff, our own revocation and strict Cognito answers, visible configuration problems, focus handling,
 * attribute checks, the ja/en messages for all of it). bundle: lit + Amplify's auth (≈ 45 KB) + the library.
 * The budget is today's size plus a little: a new feature that needs more must raise it on purpose, here.
 */
export const BUDGETS = { library: 17.5 * KB, bundle: 61.5 * KB };
const EXTERNAL = ['lit', 'lit/*', 'aws-amplify', 'aws-amplify/*', '@aws-amplify/*'];

const gz = (code: Uint8Array | string) => gzipSync(code, { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

async function minified(entry: string): Promise<Uint8Array> {
  const result = await build({ entryPoints: [entry], bundle: true, minify: true, format: 'esm', write: false, platform: 'browser', external: EXTERNAL, logLevel: 'silent' });
  return result.outputFiles[0]!.contents;
}

if (!existsSync('dist/index.js') || !existsSync('dist/cognito-elements.js')) {
  process.stderr.write('No build found: run npm run build first.\n');
  process.exit(1);
}

const library = await minified('dist/index.js');
const bundle = readFileSync('dist/cognito-elements.js');
const rows: [string, number, number, number | undefined][] = [
  ['library, all elements (lit, aws-amplify external)', library.length, gz(library), BUDGETS.library],
  ['dist/cognito-elements.js (self-contained)', bundle.length, gz(bundle), BUDGETS.bundle],
];
for (const element of ['cognito-login', 'cognito-new-password', 'cognito-session']) {
  const code = await minified(`dist/elements/${element}.js`);
  rows.push([`  ${element} alone (with the store)`, code.length, gz(code), undefined]);
}
const strings = await minified('dist/i18n/ja.js');
rows.push(['  of which the Japanese strings', strings.length, gz(strings), undefined]);

let over = false;
process.stdout.write(`${'what'.padEnd(54)}${'min'.padStart(10)}${'min+gzip'.padStart(11)}   budget\n`);
for (const [what, min, zipped, budget] of rows) {
  const verdict = budget === undefined ? '' : zipped <= budget ? `${kb(budget)} ok` : `${kb(budget)} OVER by ${kb(zipped - budget)}`;
  if (budget !== undefined && zipped > budget) over = true;
  process.stdout.write(`${what.padEnd(54)}${kb(min).padStart(10)}${kb(zipped).padStart(11)}   ${verdict}\n`);
}
if (over && !process.argv.includes('--report')) {
  process.stderr.write('Size budget exceeded.\n');
  process.exit(1);
}
