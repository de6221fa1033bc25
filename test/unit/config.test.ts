/** Configuration checks, before Amplify sees a configuration (store/config.ts). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { configProblem, describeConfigProblem, sameConfig, validTimeout } from '../../src/store/config.js';

describe('configProblem', () => {
  test('names what is missing', () => {
    assert.deepEqual(configProblem({}), { code: 'missing' });
    assert.deepEqual(configProblem({ userPoolClientId: 'abc' }), { code: 'missingPoolId' });
    assert.deepEqual(configProblem({ userPoolId: 'ap-northeast-1_AbC123xyZ', userPoolClientId: '  ' }), {
      code: 'missingClientId',
    });
  });

  test('names a malformed value', () => {
    assert.deepEqual(configProblem({ userPoolId: 'ap-northeast-1-XXXX', userPoolClientId: 'abc' }), {
      code: 'invalidPoolId',
      value: 'ap-northeast-1-XXXX',
    });
    assert.deepEqual(configProblem({ userPoolId: 'ap-northeast-1_AbC', userPoolClientId: 'not valid!' }), {
      code: 'invalidClientId',
      value: 'not valid!',
    });
    assert.deepEqual(
      configProblem({ userPoolId: 'ap-northeast-1_AbC', userPoolClientId: 'abc', userPoolEndpoint: '127.0.0.1:9229' }),
      {
        code: 'invalidEndpoint',
        value: '127.0.0.1:9229',
      },
    );
  });

  test('accepts real pool ids, the local service’s, and http(s) endpoints', () => {
    for (const userPoolId of [
      'ap-northeast-1_AbC123xyZ',
      'us-gov-west-1_Abc',
      'local_CognitoElementsDemo',
      ' eu-west-2_x1 ',
    ]) {
      assert.equal(configProblem({ userPoolId, userPoolClientId: 'abc123' }), undefined, userPoolId);
    }
    assert.equal(
      configProblem({ userPoolId: 'local_X', userPoolClientId: 'abc', userPoolEndpoint: 'http://127.0.0.1:9229' }),
      undefined,
    );
  });

  test('a developer’s message names the problem and the value', () => {
    assert.equal(
      describeConfigProblem({ code: 'invalidPoolId', value: 'x' }),
      'Invalid configuration: invalidPoolId (x)',
    );
  });
});

describe('sameConfig and validTimeout', () => {
  test('the same pool, client and endpoint are the same configuration, whatever else differs', () => {
    const a = { userPoolId: 'local_X', userPoolClientId: 'abc' };
    assert.equal(sameConfig(a, { ...a, userPoolEndpoint: '', storage: 'session' }), true);
    assert.equal(sameConfig(a, { ...a, userPoolEndpoint: 'http://127.0.0.1:9229' }), false);
  });

  test('a deadline is a finite number of milliseconds within reason', () => {
    assert.equal(validTimeout(15000), 15000);
    for (const bad of [Number.NaN, 0, -1, 50, 600_001, Number.POSITIVE_INFINITY, '1000'])
      assert.equal(validTimeout(bad), undefined, String(bad));
  });
});
