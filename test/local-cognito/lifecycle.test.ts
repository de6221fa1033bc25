/**
 * The account lifecycle as Cognito answers it, through the AWS SDK v3: sign-up and its code, confirmation, new
 * codes, password reset by the user and by an administrator, and what sign-in answers in between; errors by name and
 * message, masked destinations, code expiry, single use, the attempt limit, PreventUserExistenceErrors on and off.
 * Then the demo users through aws-amplify, which turns the sign-in errors into its next steps.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminGetUserCommand,
  AdminResetUserPasswordCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  ForgotPasswordCommand,
  InitiateAuthCommand,
  ResendConfirmationCodeCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { Amplify } from 'aws-amplify';
import { signIn } from 'aws-amplify/auth';
import {
  startLocalCognito,
  type CodeOptions,
  type DeliveredMessage,
  type LocalCognito,
} from '../../local-cognito/src/index.js';
import { uniqueEmail } from '../support/cognito-api.js';
import { errorOf } from '../support/node/errors.js';
import { startTestService } from '../support/node/local-cognito.js';

const PASSWORD = 'Passw0rd!';
const MASKED_EMAIL = /^\w\*\*\*@\w\*\*\*$/;
const mismatch = { name: 'CodeMismatchException', message: 'Invalid verification code provided, please try again.' };
const expired = { name: 'ExpiredCodeException', message: 'Invalid code provided, please request a code again.' };
const limit = { name: 'LimitExceededException', message: 'Attempt limit exceeded, please try after some time.' };

/**
 * An SDK client that does not retry: the SDK takes LimitExceededException for throttling and would try twice more
 * (with Cognito too), which only slows the attempt-limit tests down.
 */
const sdk = (url: string) =>
  new CognitoIdentityProviderClient({
    endpoint: url,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });

/** A code that is not `code`. */
const other = (code: string | undefined) => (code === '000000' ? '111111' : '000000');

/** A pool with email as the username that verifies email, with a client of each PreventUserExistenceErrors. */
async function emailPool(cognito: CognitoIdentityProviderClient) {
  const pool = await cognito.send(
    new CreateUserPoolCommand({
      PoolName: 'lifecycle',
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
    }),
  );
  const poolId = pool.UserPool!.Id!;
  const client = async (prevent: 'ENABLED' | 'LEGACY') =>
    (
      await cognito.send(
        new CreateUserPoolClientCommand({
          UserPoolId: poolId,
          ClientName: prevent,
          ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
          PreventUserExistenceErrors: prevent,
        }),
      )
    ).UserPoolClient!.ClientId!;
  return { poolId, hiding: await client('ENABLED'), legacy: await client('LEGACY') };
}

let service: Awaited<ReturnType<typeof startTestService>>;
let cognito: CognitoIdentityProviderClient;
let poolId: string;
/** PreventUserExistenceErrors ENABLED. */
let hiding: string;
/** PreventUserExistenceErrors LEGACY. */
let legacy: string;

const code = (email: string, source?: DeliveredMessage['source']) => service.outbox.latestCode(email, source);
const status = async (email: string) =>
  (await cognito.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: email }))).UserStatus;
const attributes = async (email: string) =>
  Object.fromEntries(
    ((await cognito.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: email }))).UserAttributes ?? []).map(
      (a) => [a.Name, a.Value],
    ),
  );

const signUp = (email: string, client = hiding, password = PASSWORD) =>
  cognito.send(new SignUpCommand({ ClientId: client, Username: email, Password: password }));
const confirmSignUp = (email: string, confirmationCode: string | undefined, client = hiding) =>
  cognito.send(new ConfirmSignUpCommand({ ClientId: client, Username: email, ConfirmationCode: confirmationCode }));
const resend = (email: string, client = hiding) =>
  cognito.send(new ResendConfirmationCodeCommand({ ClientId: client, Username: email }));
const forgot = (email: string, client = hiding) =>
  cognito.send(new ForgotPasswordCommand({ ClientId: client, Username: email }));
const confirmForgot = (email: string, confirmationCode: string | undefined, password: string, client = hiding) =>
  cognito.send(
    new ConfirmForgotPasswordCommand({
      ClientId: client,
      Username: email,
      ConfirmationCode: confirmationCode,
      Password: password,
    }),
  );
const passwordSignIn = (email: string, password: string, client = hiding) =>
  cognito.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: client,
      AuthParameters: { USERNAME: email, PASSWORD: password },
    }),
  );

/** A confirmed user with a verified email, as an administrator makes one. */
async function confirmedUser(label = 'user'): Promise<string> {
  const email = uniqueEmail(label);
  await cognito.send(
    new AdminCreateUserCommand({
      UserPoolId: poolId,
      Username: email,
      TemporaryPassword: 'Temp-Passw0rd1',
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'email', Value: email },
        { Name: 'email_verified', Value: 'true' },
      ],
    }),
  );
  await cognito.send(
    new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: email, Password: PASSWORD, Permanent: true }),
  );
  return email;
}

before(async () => {
  service = await startTestService();
  cognito = sdk(service.url);
  ({ poolId, hiding, legacy } = await emailPool(cognito));
});
after(async () => {
  cognito.destroy();
  await service.stop();
});

describe('SignUp', () => {
  test('answers UserConfirmed false, the UserSub and a masked destination; the code goes to the outbox', async () => {
    const email = uniqueEmail('signup');
    const started = Date.now();
    const out = await signUp(email);
    assert.equal(out.UserConfirmed, false);
    assert.match(out.UserSub ?? '', /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.deepEqual(out.CodeDeliveryDetails, {
      AttributeName: 'email',
      DeliveryMedium: 'EMAIL',
      Destination: `${email[0]}***@e***`,
    });
    assert.equal(await status(email), 'UNCONFIRMED');
    const attrs = await attributes(email);
    assert.equal(attrs['sub'], out.UserSub);
    assert.equal(attrs['email'], email);
    assert.equal(attrs['email_verified'], undefined);

    const [message] = service.outbox.messages(email);
    assert.equal(message?.source, 'SignUp');
    assert.equal(message?.kind, 'confirm-sign-up');
    assert.match(message?.code ?? '', /^\d{6}$/);
    // Cognito's sign-up codes are valid for 24 hours.
    const lifetime = message!.expiresAt!.getTime() - started;
    assert.ok(Math.abs(lifetime - 24 * 3600_000) < 60_000, `lifetime ${lifetime} ms`);
  });

  test('an address already taken is UsernameExistsException, whether its user is confirmed or not', async () => {
    const taken = { name: 'UsernameExistsException', message: 'An account with the given email already exists.' };
    const unconfirmed = uniqueEmail('twice');
    await signUp(unconfirmed);
    assert.deepEqual(await errorOf(signUp(unconfirmed)), taken);
    assert.deepEqual(await errorOf(signUp(await confirmedUser())), taken);
    // PreventUserExistenceErrors does not cover sign-up (documented).
    assert.deepEqual(await errorOf(signUp(unconfirmed, legacy)), taken);
  });

  test('plain usernames: "User already exists"; an email alias pool refuses an email as the username', async () => {
    const pool = await cognito.send(
      new CreateUserPoolCommand({
        PoolName: 'usernames',
        AliasAttributes: ['email'],
        AutoVerifiedAttributes: ['email'],
        Schema: [{ Name: 'name', AttributeDataType: 'String', Required: true, Mutable: true }],
      }),
    );
    const client = (
      await cognito.send(new CreateUserPoolClientCommand({ UserPoolId: pool.UserPool!.Id!, ClientName: 'usernames' }))
    ).UserPoolClient!.ClientId!;
    const send = (username: string, attrs: Record<string, string>) =>
      cognito.send(
        new SignUpCommand({
          ClientId: client,
          Username: username,
          Password: PASSWORD,
          UserAttributes: Object.entries(attrs).map(([Name, Value]) => ({ Name, Value })),
        }),
      );
    const username = `user${Date.now().toString(36)}`;
    const email = uniqueEmail('alias');

    const created = await send(username, { email, name: 'A Person' });
    assert.deepEqual(created.CodeDeliveryDetails, {
      AttributeName: 'email',
      DeliveryMedium: 'EMAIL',
      Destination: `${email[0]}***@e***`,
    });
    assert.deepEqual(await errorOf(send(username, { email: uniqueEmail('alias'), name: 'Another' })), {
      name: 'UsernameExistsException',
      message: 'User already exists',
    });
    assert.deepEqual(await errorOf(send(email, { email, name: 'A Person' })), {
      name: 'InvalidParameterException',
      message: 'Username cannot be of email format, since user pool is configured for email alias.',
    });
    assert.deepEqual(await errorOf(send(`${username}x`, { email: 'not-an-address', name: 'A Person' })), {
      name: 'InvalidParameterException',
      message: 'Invalid email address format.',
    });
    assert.deepEqual(await errorOf(send(`${username}y`, { email })), {
      name: 'InvalidParameterException',
      message: 'Attributes did not conform to the schema: name.formatted: The attribute is required',
    });
  });

  test('with email as the username, the username must be an email', async () => {
    assert.deepEqual(await errorOf(signUp('not-an-email')), {
      name: 'InvalidParameterException',
      message: 'Username should be an email.',
    });
    assert.deepEqual(await errorOf(signUp('two@@example.com')), {
      name: 'InvalidParameterException',
      message: 'Username should be an email.',
    });
  });
});

describe('ConfirmSignUp', () => {
  test('a wrong code is CodeMismatchException; the right one confirms and verifies the email, once', async () => {
    const email = uniqueEmail('confirm');
    await signUp(email);
    const sent = code(email, 'SignUp');
    assert.deepEqual(await errorOf(confirmSignUp(email, other(sent))), mismatch);
    assert.deepEqual(await confirmSignUp(email, sent).then(({ $metadata: _, ...rest }) => rest), {});
    assert.equal(await status(email), 'CONFIRMED');
    assert.equal((await attributes(email))['email_verified'], 'true');
    // The code worked once; a second confirmation is refused whatever the code.
    const again = { name: 'NotAuthorizedException', message: 'User cannot be confirmed. Current status is CONFIRMED' };
    assert.deepEqual(await errorOf(confirmSignUp(email, sent)), again);
    assert.deepEqual(await errorOf(confirmSignUp(email, other(sent))), again);
    assert.ok((await passwordSignIn(email, PASSWORD)).AuthenticationResult?.AccessToken);
  });

  test('a new code (ResendConfirmationCode) replaces the old one', async () => {
    const email = uniqueEmail('resend');
    await signUp(email);
    const first = code(email, 'SignUp');
    const out = await resend(email);
    assert.deepEqual(out.CodeDeliveryDetails, {
      AttributeName: 'email',
      DeliveryMedium: 'EMAIL',
      Destination: `${email[0]}***@e***`,
    });
    const second = code(email, 'ResendCode');
    assert.match(second ?? '', /^\d{6}$/);
    if (first !== second) assert.deepEqual(await errorOf(confirmSignUp(email, first)), mismatch);
    await confirmSignUp(email, second);
    assert.equal(await status(email), 'CONFIRMED');
    assert.deepEqual(await errorOf(resend(email)), {
      name: 'InvalidParameterException',
      message: 'User is already confirmed.',
    });
  });

  test('after five wrong codes even the right one is LimitExceededException, until a new code is sent', async () => {
    const email = uniqueEmail('guess');
    await signUp(email);
    const sent = code(email, 'SignUp');
    // In parallel: every guess is counted all the same.
    const guesses = await Promise.all(Array.from({ length: 5 }, () => errorOf(confirmSignUp(email, other(sent)))));
    assert.deepEqual(
      guesses,
      Array.from({ length: 5 }, () => mismatch),
    );
    assert.deepEqual(await errorOf(confirmSignUp(email, sent)), limit);
    assert.deepEqual(await errorOf(confirmSignUp(email, other(sent))), limit);
    await resend(email);
    await confirmSignUp(email, code(email, 'ResendCode'));
    assert.equal(await status(email), 'CONFIRMED');
  });

  test('an unknown user: CodeMismatchException with PreventUserExistenceErrors, UserNotFoundException without', async () => {
    const ghost = uniqueEmail('ghost');
    assert.deepEqual(await errorOf(confirmSignUp(ghost, '123456')), mismatch);
    assert.deepEqual(await errorOf(confirmSignUp(ghost, '123456', legacy)), {
      name: 'UserNotFoundException',
      message: 'Username/client id combination not found.',
    });
  });

  test('an unconfirmed user signing in gets UserNotConfirmedException after the right password only', async () => {
    const email = uniqueEmail('early');
    await signUp(email);
    assert.deepEqual(await errorOf(passwordSignIn(email, PASSWORD)), {
      name: 'UserNotConfirmedException',
      message: 'User is not confirmed.',
    });
    assert.deepEqual(await errorOf(passwordSignIn(email, 'Wr0ng-Password')), {
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
  });
});

describe('ForgotPassword and ConfirmForgotPassword', () => {
  test('PreventUserExistenceErrors ENABLED: an unknown email gets the same answer as a known one, and no code', async () => {
    const known = await confirmedUser('known');
    const ghost = uniqueEmail('ghost');
    const strip = ({ $metadata: _, ...rest }: { $metadata: unknown }) => rest;
    for (const [answer, email] of [
      [strip(await forgot(known)), known],
      [strip(await forgot(ghost)), ghost],
    ] as const) {
      assert.deepEqual(Object.keys(answer), ['CodeDeliveryDetails']);
      const details = (answer as { CodeDeliveryDetails: Record<string, string> }).CodeDeliveryDetails;
      assert.deepEqual(Object.keys(details).sort(), ['AttributeName', 'DeliveryMedium', 'Destination']);
      assert.deepEqual(details, {
        AttributeName: 'email',
        DeliveryMedium: 'EMAIL',
        Destination: `${email[0]}***@e***`,
      });
      assert.match(details['Destination']!, MASKED_EMAIL);
    }
    assert.equal(service.outbox.messages(ghost).length, 0);
    assert.equal(service.outbox.messages(known).length, 1);
    // Resending a sign-up code answers the same way for a user that does not exist (documented).
    assert.deepEqual((await resend(ghost)).CodeDeliveryDetails, {
      AttributeName: 'email',
      DeliveryMedium: 'EMAIL',
      Destination: `${ghost[0]}***@e***`,
    });
    // A wrong code for a user that does not exist is a wrong code (documented).
    assert.deepEqual(await errorOf(confirmForgot(ghost, '123456', 'N3w-Passw0rd!')), mismatch);
  });

  test('PreventUserExistenceErrors LEGACY: an unknown email is UserNotFoundException', async () => {
    const notFound = { name: 'UserNotFoundException', message: 'Username/client id combination not found.' };
    const ghost = uniqueEmail('ghost');
    assert.deepEqual(await errorOf(forgot(ghost, legacy)), notFound);
    assert.deepEqual(await errorOf(resend(ghost, legacy)), notFound);
    assert.deepEqual(await errorOf(confirmForgot(ghost, '123456', 'N3w-Passw0rd!', legacy)), notFound);
  });

  test('an unconfirmed user has no verified email: a simulated answer, or InvalidParameterException without PreventUserExistenceErrors', async () => {
    const email = uniqueEmail('unverified');
    await signUp(email);
    const before = service.outbox.messages(email).length;
    assert.deepEqual((await forgot(email)).CodeDeliveryDetails, {
      AttributeName: 'email',
      DeliveryMedium: 'EMAIL',
      Destination: `${email[0]}***@e***`,
    });
    assert.deepEqual(await errorOf(forgot(email, legacy)), {
      name: 'InvalidParameterException',
      message: 'Cannot reset password for the user as there is no registered/verified email or phone_number',
    });
    assert.equal(service.outbox.messages(email).length, before);
  });

  test('the code resets the password once; the policy applies; a wrong code is CodeMismatchException', async () => {
    const email = await confirmedUser('reset');
    // No code requested yet (documented).
    assert.deepEqual(await errorOf(confirmForgot(email, '123456', 'N3w-Passw0rd!')), expired);
    const started = Date.now();
    await forgot(email);
    const [message] = service.outbox.messages(email);
    assert.deepEqual([message?.source, message?.kind], ['ForgotPassword', 'reset-password']);
    // Cognito's reset codes are valid for one hour.
    const lifetime = message!.expiresAt!.getTime() - started;
    assert.ok(Math.abs(lifetime - 3600_000) < 60_000, `lifetime ${lifetime} ms`);
    const sent = message!.code;

    assert.deepEqual(await errorOf(confirmForgot(email, other(sent), 'N3w-Passw0rd!')), mismatch);
    assert.deepEqual(await errorOf(confirmForgot(email, sent, 'weak')), {
      name: 'InvalidPasswordException',
      message: 'Password did not conform with policy: Password not long enough',
    });
    await confirmForgot(email, sent, 'N3w-Passw0rd!');
    assert.deepEqual(await errorOf(confirmForgot(email, sent, 'An0ther-Passw0rd!')), expired);
    assert.deepEqual(await errorOf(passwordSignIn(email, PASSWORD)), {
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
    assert.ok((await passwordSignIn(email, 'N3w-Passw0rd!')).AuthenticationResult);
  });

  test('after five wrong codes the reset code is refused; a new ForgotPassword replaces it', async () => {
    const email = await confirmedUser('resetguess');
    await forgot(email);
    const first = code(email, 'ForgotPassword');
    for (let i = 0; i < 5; i++)
      assert.deepEqual(await errorOf(confirmForgot(email, other(first), 'N3w-Passw0rd!')), mismatch);
    assert.deepEqual(await errorOf(confirmForgot(email, first, 'N3w-Passw0rd!')), limit);
    await forgot(email);
    const second = code(email, 'ForgotPassword');
    if (second !== first) assert.deepEqual(await errorOf(confirmForgot(email, first, 'N3w-Passw0rd!')), mismatch);
    await confirmForgot(email, second, 'N3w-Passw0rd!');
    assert.ok((await passwordSignIn(email, 'N3w-Passw0rd!')).AuthenticationResult);
  });
});

/**
 * With PreventUserExistenceErrors ENABLED, what the reset path answers for an email, from ForgotPassword to the
 * sixth code: the delivery (masked address in place of the email's own), then each ConfirmForgotPassword's error.
 * `guess` gives the code to try at each attempt.
 */
async function resetAnswers(email: string, guess: (attempt: number) => string | undefined) {
  const { $metadata: _, ...delivery } = await forgot(email);
  const details = delivery.CodeDeliveryDetails;
  const masked = details?.Destination === `${email[0]}***@e***` ? '<masked>' : details?.Destination;
  const answers: unknown[] = [{ ...delivery, CodeDeliveryDetails: { ...details, Destination: masked } }];
  for (let attempt = 1; attempt <= 6; attempt++)
    answers.push(await errorOf(confirmForgot(email, guess(attempt), 'N3w-Passw0rd!')));
  return answers;
}

/** The answers an account that was sent a code gives to five wrong codes, then to its right code. */
const SENT_CODE_ANSWERS = [
  { CodeDeliveryDetails: { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: '<masked>' } },
  mismatch,
  mismatch,
  mismatch,
  mismatch,
  mismatch,
  limit,
];

describe('PreventUserExistenceErrors ENABLED: the reset path does not tell who has an account', () => {
  test('an unknown email answers as an account that was sent a code: five CodeMismatch, then LimitExceeded', async () => {
    const known = await confirmedUser('same');
    const ghost = uniqueEmail('same');
    // The account's sixth attempt is its right code: refused all the same once five wrong ones were counted.
    const knownAnswers = await resetAnswers(known, (n) => (n < 6 ? other(code(known)) : code(known)));
    const ghostAnswers = await resetAnswers(ghost, () => '123456');
    assert.deepEqual(knownAnswers, SENT_CODE_ANSWERS);
    assert.deepEqual(ghostAnswers, SENT_CODE_ANSWERS);
    assert.equal(service.outbox.messages(ghost).length, 0);
    // Still locked on the 7th, for both; a new ForgotPassword starts a new count, for both.
    assert.deepEqual(await errorOf(confirmForgot(ghost, '123456', 'N3w-Passw0rd!')), limit);
    assert.deepEqual(await errorOf(confirmForgot(known, other(code(known)), 'N3w-Passw0rd!')), limit);
    await forgot(known);
    await forgot(ghost);
    assert.deepEqual(await errorOf(confirmForgot(known, other(code(known)), 'N3w-Passw0rd!')), mismatch);
    assert.deepEqual(await errorOf(confirmForgot(ghost, '123456', 'N3w-Passw0rd!')), mismatch);
  });

  test('an unknown email with no ForgotPassword: CodeMismatch (documented), then locked after five like a code', async () => {
    const ghost = uniqueEmail('noforgot');
    for (let i = 0; i < 5; i++)
      assert.deepEqual(await errorOf(confirmForgot(ghost, '123456', 'N3w-Passw0rd!')), mismatch, `attempt ${i + 1}`);
    assert.deepEqual(await errorOf(confirmForgot(ghost, '123456', 'N3w-Passw0rd!')), limit);
    // Counted per email: another unknown email starts at zero.
    assert.deepEqual(await errorOf(confirmForgot(uniqueEmail('noforgot'), '123456', 'N3w-Passw0rd!')), mismatch);
  });

  test('accounts that get no code (temporary password, unconfirmed, reset without a verified email, disabled) answer as an unknown email', async () => {
    const temporary = uniqueEmail('temporary');
    await cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: temporary,
        TemporaryPassword: 'Temp-Passw0rd1',
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: temporary },
          { Name: 'email_verified', Value: 'true' },
        ],
      }),
    );
    const unconfirmed = uniqueEmail('unconfirmed');
    await signUp(unconfirmed);
    const unverified = uniqueEmail('unverified');
    await cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: unverified,
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: unverified },
          { Name: 'email_verified', Value: 'false' },
        ],
      }),
    );
    await cognito.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: poolId,
        Username: unverified,
        Password: PASSWORD,
        Permanent: true,
      }),
    );
    await cognito.send(new AdminResetUserPasswordCommand({ UserPoolId: poolId, Username: unverified }));
    const disabled = await confirmedUser('disabled');
    await forgot(disabled); // a real code, sent before the account was disabled: its first try, refused
    const sentBefore = code(disabled);
    await cognito.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: disabled }));

    assert.equal(await status(temporary), 'FORCE_CHANGE_PASSWORD');
    assert.equal(await status(unconfirmed), 'UNCONFIRMED');
    assert.equal(await status(unverified), 'RESET_REQUIRED');
    // Before any ForgotPassword, an account that asked for no code is ExpiredCodeException (documented).
    assert.deepEqual(await errorOf(confirmForgot(temporary, '123456', 'N3w-Passw0rd!')), expired);

    for (const email of [temporary, unconfirmed, unverified, disabled]) {
      const sent = service.outbox.messages(email).length;
      const answers = await resetAnswers(email, (n) => (email === disabled && n === 1 ? sentBefore : '123456'));
      assert.deepEqual(answers, SENT_CODE_ANSWERS, email);
      assert.equal(service.outbox.messages(email).length, sent, `no code sent to ${email}`);
    }
    assert.equal(await status(temporary), 'FORCE_CHANGE_PASSWORD');

    // LEGACY says what it is (reported messages).
    assert.deepEqual(await errorOf(forgot(temporary, legacy)), {
      name: 'NotAuthorizedException',
      message: 'User password cannot be reset in the current state.',
    });
    assert.deepEqual(await errorOf(forgot(disabled, legacy)), {
      name: 'NotAuthorizedException',
      message: 'User is disabled.',
    });
  });
});

describe('AdminResetUserPassword', () => {
  test('RESET_REQUIRED with a code sent; sign-in is PasswordResetRequiredException until the reset', async () => {
    const email = await confirmedUser('adminreset');
    await cognito.send(new AdminResetUserPasswordCommand({ UserPoolId: poolId, Username: email }));
    assert.equal(await status(email), 'RESET_REQUIRED');
    const [message] = service.outbox.messages(email);
    assert.deepEqual(
      [message?.source, message?.kind, message?.destination],
      ['AdminResetUserPassword', 'reset-password', email],
    );

    const resetRequired = { name: 'PasswordResetRequiredException', message: 'Password reset required for the user' };
    // The old password no longer counts, right or wrong, on either kind of client.
    assert.deepEqual(await errorOf(passwordSignIn(email, PASSWORD)), resetRequired);
    assert.deepEqual(await errorOf(passwordSignIn(email, 'Wr0ng-Password')), resetRequired);
    assert.deepEqual(await errorOf(passwordSignIn(email, PASSWORD, legacy)), resetRequired);
    // SRP answers it at the first call, before any proof.
    const srp = cognito.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_SRP_AUTH',
        ClientId: hiding,
        AuthParameters: { USERNAME: email, SRP_A: 'ab'.repeat(384) },
      }),
    );
    assert.deepEqual(await errorOf(srp), resetRequired);

    await confirmForgot(email, message!.code, 'N3w-Passw0rd!');
    assert.equal(await status(email), 'CONFIRMED');
    assert.ok((await passwordSignIn(email, 'N3w-Passw0rd!')).AuthenticationResult);
  });

  test('a RESET_REQUIRED user can also ask for a code with ForgotPassword; an unknown user is UserNotFoundException', async () => {
    const email = await confirmedUser('adminreset');
    await cognito.send(new AdminResetUserPasswordCommand({ UserPoolId: poolId, Username: email }));
    const adminCode = code(email, 'AdminResetUserPassword');
    await forgot(email);
    const own = code(email, 'ForgotPassword');
    if (own !== adminCode) assert.deepEqual(await errorOf(confirmForgot(email, adminCode, 'N3w-Passw0rd!')), mismatch);
    await confirmForgot(email, own, 'N3w-Passw0rd!');
    assert.equal(await status(email), 'CONFIRMED');
    const missing = cognito.send(
      new AdminResetUserPasswordCommand({ UserPoolId: poolId, Username: uniqueEmail('ghost') }),
    );
    assert.deepEqual(await errorOf(missing), { name: 'UserNotFoundException', message: 'User does not exist.' });
  });
});

describe('the local inbox', () => {
  test('/_local/messages lists sign-up, resend, forgot-password and admin-reset codes with destination, source and kind', async () => {
    const email = uniqueEmail('inbox');
    await signUp(email);
    await resend(email);
    await confirmSignUp(email, code(email, 'ResendCode'));
    await forgot(email);
    await cognito.send(new AdminResetUserPasswordCommand({ UserPoolId: poolId, Username: email }));
    const response = await fetch(`${service.url}/_local/messages?destination=${encodeURIComponent(email)}`);
    const listed = (await response.json()) as Record<string, unknown>[];
    assert.deepEqual(
      listed.map((m) => [m['source'], m['kind'], m['destination'], m['medium'], m['userPoolId']]),
      [
        ['SignUp', 'confirm-sign-up', email, 'EMAIL', poolId],
        ['ResendCode', 'confirm-sign-up', email, 'EMAIL', poolId],
        ['ForgotPassword', 'reset-password', email, 'EMAIL', poolId],
        ['AdminResetUserPassword', 'reset-password', email, 'EMAIL', poolId],
      ],
    );
    for (const m of listed) {
      assert.match(String(m['code']), /^\d{6}$/);
      assert.ok(Date.parse(String(m['expiresAt'])) > Date.parse(String(m['at'])));
    }
  });
});

describe('short code lifetimes (an embedder option)', () => {
  const dirs: string[] = [];
  const running = new Set<LocalCognito>();
  after(async () => {
    await Promise.all([...running].map((s) => s.close()));
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  async function start(codes: CodeOptions, dataDir = mkdtempSync(join(tmpdir(), 'local-cognito-codes-'))) {
    if (!dirs.includes(dataDir)) dirs.push(dataDir);
    const started = await startLocalCognito({ dataDir, port: 0, print: () => undefined, demo: false, codes });
    running.add(started);
    return { started, dataDir, stop: async () => (running.delete(started), started.close()) };
  }

  test('an expired sign-up or reset code is ExpiredCodeException; a new one works', async () => {
    const { started } = await start({ signUpMs: 500, passwordResetMs: 500 });
    const client = sdk(started.url);
    try {
      const pool = await emailPool(client);
      const [late, resetting] = [uniqueEmail('late'), uniqueEmail('lateReset')];
      await client.send(new SignUpCommand({ ClientId: pool.hiding, Username: late, Password: PASSWORD }));
      await client.send(new SignUpCommand({ ClientId: pool.hiding, Username: resetting, Password: PASSWORD }));
      await client.send(
        new ConfirmSignUpCommand({
          ClientId: pool.hiding,
          Username: resetting,
          ConfirmationCode: started.outbox.latestCode(resetting),
        }),
      );
      await client.send(new ForgotPasswordCommand({ ClientId: pool.hiding, Username: resetting }));
      await new Promise((r) => setTimeout(r, 600)); // real time for the 500 ms codes to expire

      const confirm = (confirmationCode: string | undefined) =>
        client.send(
          new ConfirmSignUpCommand({ ClientId: pool.hiding, Username: late, ConfirmationCode: confirmationCode }),
        );
      assert.deepEqual(await errorOf(confirm(started.outbox.latestCode(late, 'SignUp'))), expired);
      const reset = (confirmationCode: string | undefined) =>
        client.send(
          new ConfirmForgotPasswordCommand({
            ClientId: pool.hiding,
            Username: resetting,
            ConfirmationCode: confirmationCode,
            Password: 'N3w-Passw0rd!',
          }),
        );
      assert.deepEqual(await errorOf(reset(started.outbox.latestCode(resetting, 'ForgotPassword'))), expired);

      await client.send(new ResendConfirmationCodeCommand({ ClientId: pool.hiding, Username: late }));
      await confirm(started.outbox.latestCode(late, 'ResendCode'));
      await client.send(new ForgotPasswordCommand({ ClientId: pool.hiding, Username: resetting }));
      await reset(started.outbox.latestCode(resetting, 'ForgotPassword'));
    } finally {
      client.destroy();
    }
  });

  test("an unknown email's decoy code expires as a real one: ExpiredCodeException, until a new ForgotPassword", async () => {
    const { started } = await start({ passwordResetMs: 500 });
    const client = sdk(started.url);
    try {
      const pool = await emailPool(client);
      const ghost = uniqueEmail('lateGhost');
      const known = uniqueEmail('lateKnown');
      await client.send(new SignUpCommand({ ClientId: pool.hiding, Username: known, Password: PASSWORD }));
      await client.send(
        new ConfirmSignUpCommand({
          ClientId: pool.hiding,
          Username: known,
          ConfirmationCode: started.outbox.latestCode(known),
        }),
      );
      const reset = (email: string) =>
        errorOf(
          client.send(
            new ConfirmForgotPasswordCommand({
              ClientId: pool.hiding,
              Username: email,
              ConfirmationCode: '123456',
              Password: 'N3w-Passw0rd!',
            }),
          ),
        );
      for (const email of [ghost, known])
        await client.send(new ForgotPasswordCommand({ ClientId: pool.hiding, Username: email }));
      await new Promise((r) => setTimeout(r, 600)); // real time for the 500 ms codes to expire
      for (const email of [ghost, known]) assert.deepEqual(await reset(email), expired, email);
      for (const email of [ghost, known]) {
        await client.send(new ForgotPasswordCommand({ ClientId: pool.hiding, Username: email }));
        if (email === ghost || started.outbox.latestCode(known) !== '123456')
          assert.deepEqual(await reset(email), mismatch, email);
      }
    } finally {
      client.destroy();
    }
  });

  test('a code and its wrong attempts survive a restart', async () => {
    const first = await start({});
    let client = sdk(first.started.url);
    const pool = await emailPool(client);
    const email = uniqueEmail('restart');
    await client.send(new SignUpCommand({ ClientId: pool.hiding, Username: email, Password: PASSWORD }));
    const sent = first.started.outbox.latestCode(email);
    const guess = () =>
      errorOf(
        client.send(
          new ConfirmSignUpCommand({ ClientId: pool.hiding, Username: email, ConfirmationCode: other(sent) }),
        ),
      );
    for (let i = 0; i < 4; i++) assert.deepEqual(await guess(), mismatch);
    client.destroy();
    await first.stop();

    const second = await start({}, first.dataDir);
    client = sdk(second.started.url);
    try {
      assert.deepEqual(await guess(), mismatch);
      const right = client.send(
        new ConfirmSignUpCommand({ ClientId: pool.hiding, Username: email, ConfirmationCode: sent }),
      );
      assert.deepEqual(await errorOf(right), limit);
    } finally {
      client.destroy();
    }
  });

  test('a lifetime that is not a number ≥ 0 stops the start', async () => {
    await assert.rejects(start({ signUpMs: -1 }), RangeError);
  });
});

describe('demo users through aws-amplify', () => {
  test('unconfirmed@ and reset@ hold a fresh code; signIn gives CONFIRM_SIGN_UP and RESET_PASSWORD in both flows', async () => {
    const demo = service.demo!;
    assert.equal(service.outbox.messages('unconfirmed@example.com').at(-1)?.kind, 'confirm-sign-up');
    assert.equal(service.outbox.messages('reset@example.com').at(-1)?.kind, 'reset-password');
    const demoStatus = async (email: string) =>
      (await cognito.send(new AdminGetUserCommand({ UserPoolId: demo.userPoolId, Username: email }))).UserStatus;
    assert.equal(await demoStatus('unconfirmed@example.com'), 'UNCONFIRMED');
    assert.equal(await demoStatus('reset@example.com'), 'RESET_REQUIRED');

    Amplify.configure({ Auth: { Cognito: demo } });
    for (const authFlowType of ['USER_SRP_AUTH', 'USER_PASSWORD_AUTH'] as const) {
      const unconfirmed = await signIn({
        username: 'unconfirmed@example.com',
        password: PASSWORD,
        options: { authFlowType },
      });
      assert.deepEqual(unconfirmed, { isSignedIn: false, nextStep: { signInStep: 'CONFIRM_SIGN_UP' } }, authFlowType);
      const reset = await signIn({ username: 'reset@example.com', password: PASSWORD, options: { authFlowType } });
      assert.deepEqual(reset, { isSignedIn: false, nextStep: { signInStep: 'RESET_PASSWORD' } }, authFlowType);
    }
  });
});
