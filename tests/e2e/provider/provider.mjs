// A real OpenID provider (panva/oidc-provider 8.x, node >= 18) on 127.0.0.1 with an OS-chosen
// port, for Keyhaven's end-to-end tests. Prints one JSON line {"issuer": ...} on stdout once it
// listens; stops on SIGTERM or when stdin closes (so a crashed test never leaves it running).
//
// Environment: KH_ACCESS_TTL (seconds, default 60), KH_CLIENT_ID (default keyhaven-e2e).
import http from 'node:http';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import Provider from 'oidc-provider';

const accessTtl = Number(process.env.KH_ACCESS_TTL || 60);
const clientId = process.env.KH_CLIENT_ID || 'keyhaven-e2e';
const resource = 'https://api.keyhaven.test/';

function jwk(type, options, alg, kid) {
  const { privateKey } = generateKeyPairSync(type, options);
  return { ...privateKey.export({ format: 'jwk' }), alg, use: 'sig', kid };
}

const server = http.createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: clientId,
      application_type: 'native', // loopback redirect with any port (RFC 8252 7.3)
      token_endpoint_auth_method: 'none', // a public client: PKCE is what protects the code
      redirect_uris: ['http://127.0.0.1/callback'],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
    },
    {
      client_id: `${clientId}-confidential`,
      client_secret: 'e2e-client-secret-value',
      application_type: 'native',
      token_endpoint_auth_method: 'client_secret_basic',
      redirect_uris: ['http://127.0.0.1/callback'],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
    },
  ],
  jwks: {
    keys: [
      jwk('rsa', { modulusLength: 2048 }, 'RS256', 'e2e-rs256'),
      jwk('ec', { namedCurve: 'P-256' }, 'ES256', 'e2e-es256'),
    ],
  },
  pkce: { required: () => true, methods: ['S256'] },
  scopes: ['openid', 'offline_access', 'profile', 'api:read', 'api:write'],
  claims: { openid: ['sub'], profile: ['name'] },
  findAccount: (ctx, id) => ({
    accountId: id,
    claims: () => ({ sub: id, name: `Test user ${id}` }),
  }),
  rotateRefreshToken: true,
  issueRefreshToken: async (ctx, client, code) =>
    client.grantTypeAllowed('refresh_token') && code.scopes.has('offline_access'),
  ttl: {
    AccessToken: accessTtl,
    AuthorizationCode: 120,
    IdToken: 3600,
    RefreshToken: 86400,
    Grant: 86400,
    Interaction: 600,
    Session: 3600,
  },
  features: {
    devInteractions: { enabled: true }, // the login and consent pages the browser fills in
    revocation: { enabled: true },
    introspection: { enabled: true },
    resourceIndicators: {
      enabled: true,
      // No default resource: a login that names none gets an opaque access token for the
      // userinfo endpoint (the protected resource of the replay tests); one that asks for
      // `resource` gets a JWT for it.
      useGrantedResource: () => true,
      getResourceServerInfo: () => ({
        scope: 'api:read api:write',
        audience: resource,
        accessTokenTTL: accessTtl,
        accessTokenFormat: 'jwt',
        jwt: { sign: { alg: 'ES256' } },
      }),
    },
  },
  cookies: { keys: [randomBytes(32).toString('hex')] },
});

// GET /__stats: how many refresh_token grants the provider answered (tests count single-flight
// refreshes here, at the server, not in the client), and how often /__reject was asked.
const stats = { refresh: 0, refreshErrors: 0, rejected: 0 };
const isRefresh = (ctx) => ctx.oidc?.params?.grant_type === 'refresh_token';
provider.on('grant.success', (ctx) => { if (isRefresh(ctx)) stats.refresh += 1; });
provider.on('grant.error', (ctx) => { if (isRefresh(ctx)) stats.refreshErrors += 1; });
const callback = provider.callback();
server.on('request', (req, res) => {
  if (req.method === 'GET' && req.url === '/__stats') {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(stats));
    return;
  }
  // GET /__reject: a protected resource that refuses every token as invalid_token (RFC 6750
  // 3.1), so that a test can count how often a client tries again (once, never in a loop).
  if (req.method === 'GET' && req.url === '/__reject') {
    stats.rejected += 1;
    res.statusCode = 401;
    res.setHeader('www-authenticate',
      'Bearer realm="keyhaven-e2e", error="invalid_token", error_description="always rejected"');
    res.end();
    return;
  }
  callback(req, res);
});
process.stdout.write(`${JSON.stringify({ issuer, clientId, resource })}\n`);

const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.resume();
