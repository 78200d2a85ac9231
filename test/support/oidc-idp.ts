// A real OpenID Connect provider for tests (the `oidc-provider` package), set up like an agency's
// IdP: one confidential client for the node under test (code flow, PKCE required, refresh tokens),
// accounts with a password, groups and an on/off switch, and its own sign-in page. A test may also
// re-sign the ID token the token endpoint returns (with the IdP's own key) to play a tampered or
// misdirected answer: wrong audience, wrong nonce, expired.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt, exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload } from 'jose';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';

export type IdpAccount = {
  sub: string;
  username: string;
  password: string;
  name: string;
  email: string;
  groups: string[];
  disabled?: boolean;
};

export type TestIdp = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  accounts: Map<string, IdpAccount>;
  /** Rewrites the claims of the next ID tokens the token endpoint hands out (null: as issued). */
  tamperIdToken: ((claims: JWTPayload) => JWTPayload) | null;
  /** Signs a JWT with the IdP's own signing key. */
  sign(claims: JWTPayload): Promise<string>;
  close(): Promise<void>;
};

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function loginPage(uid: string, error?: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Agency IdP</title></head><body>
<main><h1>Agency identity provider</h1>${error ? `<p role="alert">${esc(error)}</p>` : ''}
<form method="post" action="/interaction/${esc(uid)}/login">
<label>User <input name="username" autocomplete="username"></label>
<label>Password <input name="password" type="password" autocomplete="current-password"></label>
<button type="submit">Sign in to the agency</button></form></main></body></html>`;
}

async function formBody(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export async function startTestIdp(opts: {
  redirectUris: string[];
  postLogoutRedirectUris?: string[];
  accounts: IdpAccount[];
}): Promise<TestIdp> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk: JWK = { ...(await exportJWK(privateKey)), kid: 'agency-key-1', alg: 'RS256', use: 'sig' };
  const accounts = new Map(opts.accounts.map((a) => [a.sub, a]));
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'crossline-node';
  const clientSecret = 'agency-issued-secret-for-the-node-0123456789';

  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: opts.redirectUris,
        post_logout_redirect_uris: opts.postLogoutRedirectUris ?? [],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: ['test-idp-cookie-key-0123456789'] },
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'], email: ['email'], groups: ['groups'] },
    scopes: ['openid', 'offline_access', 'profile', 'email', 'groups'],
    conformIdTokenClaims: false,
    ttl: { AccessToken: 600, IdToken: 600, RefreshToken: 86_400, Interaction: 600, Session: 3600, Grant: 3600 },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    // An account switched off (or gone) is unknown to the IdP: no refresh, no userinfo.
    findAccount: async (_ctx, sub) => {
      const a = accounts.get(sub);
      if (!a || a.disabled) return undefined;
      return {
        accountId: sub,
        claims: async () => ({ sub, preferred_username: a.username, name: a.name, email: a.email, groups: a.groups }),
      };
    },
    // Agency-internal application: consent is given by policy, not asked.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const accountId = ctx.oidc.session?.accountId;
      const client = ctx.oidc.client;
      if (!accountId || !client) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId });
      grant.addOIDCScope('openid offline_access profile email groups');
      await grant.save();
      return grant;
    },
  };
  const provider = new Provider(issuer, configuration);

  const idp: TestIdp = {
    issuer,
    clientId,
    clientSecret,
    accounts,
    tamperIdToken: null,
    sign: (claims) =>
      new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: jwk.kid, typ: 'JWT' }).sign(privateKey),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };

  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as Record<string, unknown> | undefined;
    if (ctx.path === '/token' && idp.tamperIdToken && body && typeof body.id_token === 'string') {
      ctx.body = { ...body, id_token: await idp.sign(idp.tamperIdToken(decodeJwt(body.id_token))) };
    }
  });

  const oidcHandler = provider.callback();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', issuer);
    const m = /^\/interaction\/([^/]+)(\/login)?$/.exec(url.pathname);
    if (!m) {
      oidcHandler(req, res);
      return;
    }
    void (async () => {
      const details = await provider.interactionDetails(req, res);
      if (req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(loginPage(details.uid));
        return;
      }
      const form = await formBody(req);
      const account = [...accounts.values()].find((a) => a.username === form.get('username'));
      if (!account || account.password !== form.get('password')) {
        res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end(loginPage(details.uid, 'Wrong user or password'));
        return;
      }
      if (account.disabled) {
        await provider.interactionFinished(
          req,
          res,
          { error: 'access_denied', error_description: 'account disabled' },
          { mergeWithLastSubmission: false },
        );
        return;
      }
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: account.sub } },
        { mergeWithLastSubmission: false },
      );
    })().catch((e: unknown) => {
      res.writeHead(500).end(String(e));
    });
  });
  return idp;
}

/** Drives the IdP's sign-in page without a browser: follows its redirects with a cookie jar, submits the form, returns the redirect to the node. */
export async function signInAtIdp(authorizationUrl: string, username: string, password: string): Promise<URL> {
  const jar = new Map<string, string>();
  const send = async (url: string, init: RequestInit = {}): Promise<Response> => {
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string> | undefined),
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1));
    }
    return res;
  };
  let res = await send(authorizationUrl);
  let url = authorizationUrl;
  for (let hops = 0; hops < 10; hops++) {
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      const next = new URL(location, url);
      if (!next.href.startsWith(new URL(authorizationUrl).origin)) return next;
      url = next.href;
      res = await send(url);
      continue;
    }
    if (res.status === 200 && /\/interaction\/[^/]+$/.test(new URL(url).pathname)) {
      const page = await res.text();
      const action = /action="([^"]+)"/.exec(page)?.[1];
      if (!action) throw new Error(`no sign-in form at the IdP: ${page.slice(0, 200)}`);
      const body = new URLSearchParams({ username, password }).toString();
      res = await send(new URL(action, url).href, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      if (res.status === 200) throw new Error(`the IdP refused the sign-in: ${(await res.text()).slice(0, 300)}`);
      continue;
    }
    throw new Error(`unexpected answer from the IdP at ${url}: ${res.status} ${(await res.text()).slice(0, 300)}`);
  }
  throw new Error('too many redirects at the IdP');
}
