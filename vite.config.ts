/**
 * Vite serves the demo pages (index.html, demo/). The demo's Cognito settings come from the environment
 * (VITE_COGNITO_* in .env.local, to use a real pool) or else from the local service's pool file, which
 * `npm start` and `npm run local-cognito` write.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import vue from '@vitejs/plugin-vue';
import { defineConfig, loadEnv, type Plugin } from 'vite';
import { createProtectedApi, PROTECTED_PATH, type ProtectedApiConfig } from './demo/server/protected-api.js';

const LOCAL_POOL_FILE = `${process.env['LOCAL_COGNITO_DATA'] ?? '.local-cognito'}/demo-pool.json`;

export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), 'VITE_');
  const useLocal = !env['VITE_COGNITO_USER_POOL_ID'] && existsSync(LOCAL_POOL_FILE);
  const local = useLocal
    ? (JSON.parse(readFileSync(LOCAL_POOL_FILE, 'utf8')) as {
        userPoolId: string;
        userPoolClientId: string;
        userPoolEndpoint: string;
      })
    : undefined;

  const pool: ProtectedApiConfig | undefined =
    local ??
    (env['VITE_COGNITO_USER_POOL_ID'] && env['VITE_COGNITO_CLIENT_ID']
      ? {
          userPoolId: env['VITE_COGNITO_USER_POOL_ID'],
          userPoolClientId: env['VITE_COGNITO_CLIENT_ID'],
          userPoolEndpoint: env['VITE_COGNITO_ENDPOINT'] || undefined,
        }
      : undefined);

  return {
    plugins: [
      // Vue compiles cognito-* tags as custom elements, not as Vue components.
      vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('cognito-') } } }),
      svelte({ configFile: false }),
      bundleFromSource(),
      stepsInBundle(),
      ...(pool ? [protectedApi(pool)] : []),
      ...(local ? [localEndpoint(local.userPoolEndpoint)] : []),
    ],
    server: { host: '127.0.0.1', port: 5173 },
    preview: { host: '127.0.0.1' },
    // `vite build` makes the single-file bundle for plain pages: lit and aws-amplify included, every element
    // registered. (The per-module library with types is tsc's output: see package.json "build".)
    build: {
      lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'cognito-elements.js' },
      outDir: 'dist',
      emptyOutDir: false,
      target: 'es2022',
      sourcemap: true,
      minify: true,
    },
    define: local
      ? {
          'import.meta.env.VITE_COGNITO_USER_POOL_ID': JSON.stringify(local.userPoolId),
          'import.meta.env.VITE_COGNITO_CLIENT_ID': JSON.stringify(local.userPoolClientId),
          'import.meta.env.VITE_COGNITO_ENDPOINT': JSON.stringify(local.userPoolEndpoint),
          'import.meta.env.VITE_COGNITO_LOCAL': JSON.stringify('true'),
        }
      : {},
  };
});

/** The demo's protected endpoint (GET /api/hello), in the dev server. */
function protectedApi(pool: ProtectedApiConfig): Plugin {
  const handle = createProtectedApi(pool);
  return {
    name: 'cognito-elements-demo-api',
    configureServer(server) {
      server.middlewares.use(PROTECTED_PATH, (req, res) => {
        void handle(req.headers.authorization).then(({ status, body }) => {
          res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
          res.end(JSON.stringify(body));
        });
      });
    },
  };
}

/**
 * In the dev server, pages that load the built bundle (demo/plain.html: `../dist/cognito-elements.js`,
 * `../dist/cloak.css`) get the sources instead, so `npm start` needs no build. A static server serves the real
 * files after `npm run build`.
 */
function bundleFromSource(): Plugin {
  return {
    name: 'cognito-elements-bundle-from-source',
    apply: 'serve',
    resolveId(id) {
      if (/(^|\/)dist\/cognito-elements\.js$/.test(id)) return `${process.cwd()}/src/index.ts`;
      return /(^|\/)dist\/cloak\.css$/.test(id) ? `${process.cwd()}/src/cloak.css` : undefined;
    },
  };
}

/**
 * The single-file bundle has everything already: what loads on demand elsewhere (the steps `<cognito-login>`
 * continues into, src/elements/steps.ts; the QR code, qr.ts; the MFA settings actions, store/actions/on-demand.ts)
 * comes from their `.bundled.ts` twins there, so the bundle has no dynamic import to wrap its modules for.
 */
function stepsInBundle(): Plugin {
  return {
    name: 'cognito-elements-steps-in-bundle',
    apply: 'build',
    enforce: 'pre',
    resolveId(id, importer) {
      const onDemand = /^(\.\/(?:[\w-]+\/)*(?:steps|qr|on-demand))(?:\.js)?$/.exec(id);
      if (!importer?.includes('/src/') || !onDemand) return undefined;
      return join(dirname(importer), `${onDemand[1]}.bundled.ts`);
    },
  };
}

/** Pages that name the local service's default address (demo/plain.html) get the address it really has. */
function localEndpoint(endpoint: string): Plugin {
  return {
    name: 'cognito-elements-local-endpoint',
    apply: 'serve',
    transformIndexHtml: (html) => html.replaceAll('http://127.0.0.1:9229', endpoint),
  };
}
