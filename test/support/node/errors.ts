import assert from 'node:assert/strict';

/** The name and message a promise rejects with; fails the test when it resolves. */
export async function errorOf(promise: Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return { name: (error as Error).name, message: (error as Error).message };
  }
  assert.fail('expected a rejection');
}
