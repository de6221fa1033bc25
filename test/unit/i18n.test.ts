/** Strings and language choice (src/i18n). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { en, ja } from '../../src/i18n/catalog.js';
import { addStrings, setMessages, supportedLang, translate } from '../../src/i18n/index.js';
import { passwordStrings } from '../../src/i18n/strings/password.js';

describe('translate', () => {
  test('a part of the strings is there once a module adds it (elements bring their own)', () => {
    assert.equal(translate('ja', 'policy.minLength', { n: 8 }), 'policy.minLength');
    addStrings(passwordStrings);
    assert.equal(translate('ja', 'policy.minLength', { n: 8 }), ja['policy.minLength'].replace('{n}', '8'));
  });

  test("a page's own strings win over a part added later", () => {
    setMessages('ja', { 'signUp.submit': '登録' });
    addStrings({ en: { 'signUp.submit': en['signUp.submit'] }, ja: { 'signUp.submit': ja['signUp.submit'] } });
    assert.equal(translate('ja', 'signUp.submit'), '登録');
  });

  test('fills placeholders, as text', () => {
    assert.equal(translate('en', 'policy.minLength', { n: 8 }), 'At least 8 characters');
    assert.equal(translate('en', 'error.generic', { name: '<b>X</b>' }), 'Something went wrong (<b>X</b>). Try again.');
  });

  test('a placeholder without a value stays visible rather than vanishing', () => {
    assert.equal(translate('en', 'error.generic'), 'Something went wrong ({name}). Try again.');
  });

  test('Japanese has every English key, and each is translated', () => {
    assert.deepEqual(Object.keys(ja).sort(), Object.keys(en).sort());
    const same = Object.keys(en).filter((key) => ja[key as keyof typeof ja] === en[key as keyof typeof en]);
    assert.deepEqual(same, []);
  });

  test('a language added with setMessages falls back to English for missing keys', () => {
    setMessages('de', { 'login.submit': 'Anmelden' });
    assert.equal(translate('de', 'login.submit'), 'Anmelden');
    assert.equal(translate('de', 'login.email'), 'Email');
  });
});

describe('supportedLang', () => {
  test('exact, then the primary language, then English', () => {
    assert.equal(supportedLang('ja'), 'ja');
    assert.equal(supportedLang('ja-JP'), 'ja');
    assert.equal(supportedLang('JA'), 'ja');
    assert.equal(supportedLang('fr-CA'), 'en');
    assert.equal(supportedLang(undefined), 'en');
  });
});
