/**
 * The server half of SRP against aws-amplify's own client half (its AuthenticationHelper, imported from the
 * package), so that any disagreement in padding, hashing or HKDF shows here with a clear name.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { paddedHex, startPasswordVerifier, verifyPasswordClaim } from '../../local-cognito/src/srp.js';

// aws-amplify's internals, for the client side of the exchange (not part of its public API; pinned by the lockfile).
const base = '../../node_modules/@aws-amplify/auth/dist/esm/providers/cognito/utils/srp';
const { getAuthenticationHelper } = (await import(`${base}/getAuthenticationHelper.mjs`)) as {
  getAuthenticationHelper(pool: string): Promise<{
    A: { toString(radix: number): string };
    getPasswordAuthenticationKey(args: object): Promise<Uint8Array>;
  }>;
};
const { getSignatureString } = (await import(`${base}/getSignatureString.mjs`)) as {
  getSignatureString(args: object): string;
};
const { default: BigInteger } = (await import(`${base}/BigInteger/BigInteger.mjs`)) as {
  default: new (hex: string, radix: number) => object;
};
const { getNowString } = (await import(`${base}/getNowString.mjs`)) as { getNowString(): string };

/** What Amplify would send as PASSWORD_CLAIM_SIGNATURE for `password`. */
async function clientProof(pool: string, userId: string, password: string) {
  const server = startPasswordVerifier(pool, userId, 'Correct-Passw0rd');
  const helper = await getAuthenticationHelper(pool);
  const hkdf = await helper.getPasswordAuthenticationKey({
    username: userId,
    password,
    serverBValue: new BigInteger(server.B, 16),
    salt: new BigInteger(server.salt, 16),
  });
  const timestamp = getNowString();
  const signature = getSignatureString({
    userPoolName: pool,
    username: userId,
    challengeParameters: { SECRET_BLOCK: server.secretBlock },
    dateNow: timestamp,
    hkdf,
  });
  return { server, claim: { A: helper.A.toString(16), secretBlock: server.secretBlock, timestamp, signature } };
}

describe('SRP-6a server', () => {
  test('paddedHex encodes like Java BigInteger#toByteArray (and Amplify getPaddedHex)', () => {
    assert.equal(paddedHex(0x14n), '14');
    assert.equal(paddedHex(0xecn), '00ec');
    assert.equal(paddedHex(0x1234n), '1234');
    assert.equal(paddedHex(0x80_00n), '008000');
    assert.equal(paddedHex(0xfn), '0f');
  });

  test('accepts the proof of the right password, made by Amplify client code', async () => {
    for (let i = 0; i < 5; i++) {
      // Several rounds: about one in two values of A, B, S or u has its top bit set and needs a 00 pad.
      const { server, claim } = await clientProof('Ab12cd34', `user-${i}`, 'Correct-Passw0rd');
      assert.equal(verifyPasswordClaim(server, 'Ab12cd34', `user-${i}`, claim), true);
    }
  });

  test('refuses a wrong password, another user id, another pool, a changed secret block or timestamp', async () => {
    const wrong = await clientProof('Ab12cd34', 'alice', 'Wrong-Passw0rd');
    assert.equal(verifyPasswordClaim(wrong.server, 'Ab12cd34', 'alice', wrong.claim), false);

    const { server, claim } = await clientProof('Ab12cd34', 'alice', 'Correct-Passw0rd');
    assert.equal(verifyPasswordClaim(server, 'Ab12cd34', 'bob', claim), false);
    assert.equal(verifyPasswordClaim(server, 'Zz99', 'alice', claim), false);
    assert.equal(
      verifyPasswordClaim(server, 'Ab12cd34', 'alice', { ...claim, timestamp: `${claim.timestamp} ` }),
      false,
    );
    assert.equal(
      verifyPasswordClaim(server, 'Ab12cd34', 'alice', { ...claim, secretBlock: Buffer.from('x').toString('base64') }),
      false,
    );
    assert.equal(verifyPasswordClaim(server, 'Ab12cd34', 'alice', { ...claim, A: '0' }), false);
    assert.equal(verifyPasswordClaim(server, 'Ab12cd34', 'alice', { ...claim, A: 'not hex' }), false);
    assert.equal(verifyPasswordClaim(server, 'Ab12cd34', 'alice', claim), true);
  });
});
