/** The demo page: shows which user pool it talks to. The elements arrive with the next issue. */
const pool = document.querySelector<HTMLDListElement>('#pool')!;
const env = import.meta.env;

const rows: [string, string][] = env.VITE_COGNITO_USER_POOL_ID
  ? [
      ['Source', env.VITE_COGNITO_LOCAL === 'true' ? 'local Cognito service (npm start)' : 'your environment (.env.local)'],
      ['User pool', env.VITE_COGNITO_USER_POOL_ID],
      ['App client', env.VITE_COGNITO_CLIENT_ID ?? '(missing: set VITE_COGNITO_CLIENT_ID)'],
      ['Endpoint', env.VITE_COGNITO_ENDPOINT ?? 'Cognito in the pool’s region'],
    ]
  : [['Source', 'none: run `npm start`, or set VITE_COGNITO_USER_POOL_ID and VITE_COGNITO_CLIENT_ID in .env.local']];

for (const [term, value] of rows) {
  const dt = document.createElement('dt');
  dt.textContent = term;
  const dd = document.createElement('dd');
  dd.textContent = value;
  pool.append(dt, dd);
}
