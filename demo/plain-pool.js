// Runs before the bundle defines the elements (plain.html loads it first): with `?pool=mfa-on`, and only against
// the local service, the authenticator's attributes name the pool that requires MFA instead of the demo pool. Once
// the elements are defined they have configured the page; a later change of pool would be refused.
import { isLocalEndpoint } from './shared/local-inbox.js';
import { localPoolChoice, MFA_ON_POOL } from './shared/local-pools.js';

const authenticator = document.querySelector('cognito-authenticator');
if (authenticator && isLocalEndpoint(authenticator.getAttribute('endpoint') ?? '') && localPoolChoice() === 'mfa-on') {
  authenticator.setAttribute('user-pool-id', MFA_ON_POOL.userPoolId);
  authenticator.setAttribute('client-id', MFA_ON_POOL.clientId);
}
