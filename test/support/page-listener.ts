/** For a test page in an iframe: a page script loaded after the bundle, as in the README's plain-HTML example. */
import { getAuthState } from '../../src/index.js';

type Heard = { name: string; status?: string };
const page = window as Window & { heard?: Heard[]; problem?: string | null };
page.heard = [];
document.addEventListener('cognito-error', (event) => page.heard!.push({ name: event.detail.name }));
document.addEventListener('cognito-auth-change', (event) =>
  page.heard!.push({ name: 'auth-change', status: event.detail.status }),
);
page.problem = getAuthState().configProblem?.code ?? null;
