/**
 * `npm run build` → dist/: the library as ES modules with types (tsc; lit and aws-amplify stay external), the
 * single-file bundle dist/cognito-elements.js (Vite), custom-elements.json (from the elements' JSDoc), and the
 * stylesheet dist/cloak.css (copied as it is: `cognito-elements/cloak.css`).
 * Then the size figures (scripts/size.ts): the build fails above the size budgets.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, rmSync } from 'node:fs';

const run = (label: string, command: string, args: string[]) => {
  const started = performance.now();
  execFileSync(command, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  process.stdout.write(`${label.padEnd(44)} ${(performance.now() - started).toFixed(0).padStart(6)} ms\n`);
};

rmSync('dist', { recursive: true, force: true });
run('library modules + types (tsc)', process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json']);
run('dist/cognito-elements.js (vite)', process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn']);
run('dist/custom-elements.json (cem analyze)', process.execPath, ['node_modules/@custom-elements-manifest/analyzer/cem.js', 'analyze', '--quiet']);
copyFileSync('src/cloak.css', 'dist/cloak.css');
process.stdout.write('\n');
execFileSync(process.execPath, ['--import', 'tsx', 'scripts/size.ts'], { stdio: 'inherit' });
