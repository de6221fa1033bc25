/**
 * The package can be imported where there is no DOM (server rendering, build tools, tests in Node): importing
 * must not throw nor touch storage, the network or the document.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

test('importing the library in Node does nothing and throws nothing', async () => {
  assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined');
  const calls: string[] = [];
  const realFetch = globalThis.fetch;
  globalThis.fetch = ((...args: Parameters<typeof fetch>) => {
    calls.push(String(args[0]));
    return realFetch(...args);
  }) as typeof fetch;
  try {
    // A computed specifier keeps the browser sources out of this Node project's type-check.
    const specifier = '../../src/index.js';
    const library = (await import(specifier)) as {
      getAuthStore(): { state: { status: string } };
      configure: unknown;
      CognitoLogin: unknown;
    };
    assert.equal(typeof library.getAuthStore, 'function');
    assert.equal(typeof library.configure, 'function');
    assert.equal(typeof library.CognitoLogin, 'function');
    assert.equal(library.getAuthStore().state.status, 'loading');
    assert.deepEqual(calls, []);
  } finally {
    globalThis.fetch = realFetch;
  }
});
