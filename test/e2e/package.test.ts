/**
 * The package as a new user gets it: `npm pack`, unpacked into an empty app folder next to only what the README
 * says to install, then the README's own snippets (marked `<!-- consumer: <file> -->`) type-checked with tsc
 * under a Vite template's settings and bundled with esbuild. Offline: the peers are links to this repository's
 * node_modules. Needs `npm run build` first (`npm run test:e2e` does).
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { build } from 'esbuild';

const repo = process.cwd();
const readme = readFileSync('README.md', 'utf8');
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  name: string;
  license: string;
  peerDependencies: Record<string, string>;
  dependencies?: Record<string, string>;
};

/** The code block that follows `<!-- consumer: <name> -->` in the README. */
function snippet(name: string): string {
  const marker = `<!-- consumer: ${name} -->`;
  const at = readme.indexOf(marker);
  assert.ok(at >= 0, `README.md has no ${marker}`);
  const block = /^( *)```[a-z]*\n([\s\S]*?)\n *```/m.exec(readme.slice(at + marker.length));
  assert.ok(block, `no code block after ${marker}`);
  // A block inside a list item is indented: as a file, it is not.
  return `${block[2]!
    .split('\n')
    .map((line) => line.slice(block[1]!.length))
    .join('\n')}\n`;
}

/** The packages the README's install command names (not the library itself). */
function installedByReadme(): string[] {
  const line = snippet('install')
    .split('\n')
    .find((l) => /^npm (install|i) /.test(l));
  assert.ok(line, 'the install snippet has an npm install line');
  return line
    .split(/\s+/)
    .slice(2)
    .filter((word) => !word.startsWith('-') && !word.endsWith('.tgz') && word !== pkg.name);
}

let app: string;
let files: string[];

before(() => {
  assert.ok(existsSync('dist/index.js'), 'run npm run build first (npm run test:e2e does)');
  app = mkdtempSync(join(tmpdir(), 'cognito-consumer-'));
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', app], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }),
  ) as { filename: string; files: { path: string }[] }[];
  files = packed[0]!.files.map((f) => f.path);
  const target = join(app, 'node_modules', pkg.name);
  mkdirSync(target, { recursive: true });
  execFileSync('tar', ['-xzf', join(app, packed[0]!.filename), '-C', target, '--strip-components=1']);
  // What npm installs with the package itself (its `dependencies`: the QR code library).
  for (const name of Object.keys(pkg.dependencies ?? {})) provide(name);
});
after(() => {
  if (app) rmSync(app, { recursive: true, force: true });
});

/** Links node_modules/<name> of the app to this repository's installed copy (as `npm install <name>` would add it). */
function provide(name: string): void {
  const link = join(app, 'node_modules', name);
  if (existsSync(link)) return;
  assert.ok(existsSync(join(repo, 'node_modules', name)), `${name} is not installed in this repository`);
  mkdirSync(dirname(link), { recursive: true });
  symlinkSync(join(repo, 'node_modules', name), link, 'dir');
}

function write(file: string, text: string): void {
  mkdirSync(dirname(join(app, file)), { recursive: true });
  writeFileSync(join(app, file), text);
}

/** create-vite's tsconfig (vanilla-ts and react-ts templates), with TypeScript 6+'s defaults written out for 5.9. */
const tsconfig = (include: string[]) =>
  JSON.stringify({
    compilerOptions: {
      target: 'ES2023',
      lib: ['ES2023', 'DOM'],
      module: 'ESNext',
      types: [],
      allowArbitraryExtensions: true,
      skipLibCheck: true,
      moduleResolution: 'bundler',
      allowImportingTsExtensions: true,
      verbatimModuleSyntax: true,
      moduleDetection: 'force',
      noEmit: true,
      jsx: 'react-jsx',
      noUnusedLocals: true,
      noUnusedParameters: true,
      erasableSyntaxOnly: true,
      noFallthroughCasesInSwitch: true,
      strict: true,
      noUncheckedSideEffectImports: true,
    },
    include,
  });

function typeCheck(): void {
  const tsc = spawnSync(process.execPath, [resolve(repo, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], {
    cwd: app,
    encoding: 'utf8',
  });
  assert.equal(tsc.status, 0, `tsc in the new app:\n${tsc.stdout}${tsc.stderr}`);
}

const bundle = (entryPoints: string[]) =>
  build({
    absWorkingDir: app,
    entryPoints,
    bundle: true,
    write: false,
    outdir: 'out',
    format: 'esm',
    platform: 'browser',
    jsx: 'automatic',
    logLevel: 'silent',
    nodePaths: [],
  });

describe('the packed package', () => {
  test('holds the LICENSE (MIT, as package.json says), the README, the library, its typings and the cloak stylesheet, and no source maps', () => {
    for (const file of [
      'LICENSE',
      'README.md',
      'package.json',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/cognito-elements.js',
      'dist/custom-elements.json',
      'dist/react.d.ts',
      'dist/react.js',
      'dist/cloak.css',
    ]) {
      assert.ok(files.includes(file), `${file} is in the tarball`);
    }
    assert.deepEqual(
      files.filter((f) => f.endsWith('.map')),
      [],
    );
    assert.equal(pkg.license, 'MIT');
    const license = readFileSync(join(app, 'node_modules', pkg.name, 'LICENSE'), 'utf8');
    assert.match(license, /^MIT License\n\nCopyright \(c\) 2026 cognito-elements contributors\n/);
    assert.match(license, /THE SOFTWARE IS PROVIDED "AS IS"/);
  });

  test("the README's install command names every required peer dependency (pnpm and yarn users must add peers themselves)", () => {
    const named = installedByReadme();
    const optional =
      (pkg as { peerDependenciesMeta?: Record<string, { optional?: boolean }> }).peerDependenciesMeta ?? {};
    const required = Object.keys(pkg.peerDependencies).filter((peer) => optional[peer]?.optional !== true);
    assert.ok(required.length >= 3, 'lit, aws-amplify and @aws-amplify/core are required peers');
    for (const peer of required) assert.ok(named.includes(peer), `the README's npm install names ${peer}`);
  });

  test("a TypeScript app: the README's page and script type-check and bundle with only what the README installs (no React)", async () => {
    for (const name of installedByReadme()) provide(name);
    write('src/main.ts', snippet('src/main.ts'));
    write('src/style.css', snippet('src/style.css'));
    write('src/vite-env.d.ts', "declare module '*.css' {}\n"); // what vite/client declares for CSS imports
    write('tsconfig.json', tsconfig(['src/main.ts', 'src/vite-env.d.ts']));
    typeCheck();

    // Every import resolves from the app folder, as a bundler resolves it (a peer the README omits fails here).
    const result = await bundle(['src/main.ts', 'src/style.css']);
    const css = result.outputFiles.find((f) => f.path.endsWith('/out/style.css'));
    assert.match(css?.text ?? '', /cognito-session:not\(:defined\)/, "style.css's @import brings in the cloak");
  });

  test("a React app: the README's component type-checks with the one line `import 'cognito-elements/react'`, and bundles", async () => {
    for (const name of ['react', '@types/react']) provide(name); // a React template has them
    write('src/Account.tsx', snippet('src/Account.tsx'));
    write('tsconfig.json', tsconfig(['src']));
    typeCheck();
    await bundle(['src/Account.tsx']);
  });

  test("the README's configuration table names every CognitoConfig field, with its attribute, and no other", () => {
    const types = readFileSync(join(app, 'node_modules', pkg.name, 'dist/store/types.d.ts'), 'utf8');
    const body = /export interface CognitoConfig \{([\s\S]*?)\n\}/.exec(types);
    assert.ok(body, 'CognitoConfig in dist/store/types.d.ts');
    const fields = [...body[1]!.matchAll(/^\s*readonly (\w+)\??:/gm)].map((m) => m[1]!);
    assert.ok(fields.includes('userPoolClientId'));
    const table = readme.slice(readme.indexOf('<!-- config-table -->'), readme.indexOf('<!-- /config-table -->'));
    assert.ok(table.length > 30, 'README.md has a config table between <!-- config-table --> markers');
    for (const field of fields)
      assert.match(
        table,
        new RegExp(`^\\| \`[a-z-]+\`[^|]*\\| \`${field}\` \\|`, 'm'),
        `the table maps an attribute to ${field}`,
      );
    // …and names no field that is not there (a renamed or dropped option).
    const documented = [...table.matchAll(/^\| `[a-z-]+`[^|]*\| `(\w+)` \|/gm)].map((m) => m[1]!);
    assert.deepEqual([...documented].sort(), [...fields].sort());
  });
});
