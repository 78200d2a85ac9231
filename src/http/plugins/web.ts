// Serves the built web UI (web/dist) from the node: hashed assets under /assets, and index.html for
// every other GET that is not an API, federation or operations path, so deep links work (SPA).
// Without a build, a bilingual page says how to make one instead of a bare 404.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import { AppError } from '../../errors.js';
import { PROJECT_ROOT } from '../../shared/project-root.js';

export const DEFAULT_WEB_DIR = path.join(PROJECT_ROOT, 'web', 'dist');

/** The web app's service worker (web/public/sw.js), served from the top so its scope is the whole app. */
const SERVICE_WORKER = 'sw.js';

/** Paths the UI never answers: they belong to the API, peers and operators. */
const RESERVED = /^\/(api|federation|health|ready|metrics)(\/|$|\?)/;

export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

/** The app's CSP and frame headers, for every page a browser renders (the web UI, the API docs). */
export function withSecurityHeaders(reply: FastifyReply): FastifyReply {
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) void reply.header(k, v);
  return reply;
}

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Crossline: web UI not built / 网页界面尚未构建</title>
<style>body{font:16px/1.5 system-ui,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1a2330}
code{background:#eef2f6;padding:.1rem .35rem;border-radius:4px}h1{font-size:1.3rem}</style></head>
<body><h1>The web UI of this node has not been built.</h1>
<p>Run <code>npm run build:web</code> in the Crossline directory, then reload this page. The API is running at <code>/api</code>.</p>
<h1 lang="zh-CN">本节点的网页界面尚未构建。</h1>
<p lang="zh-CN">请在 Crossline 目录中运行 <code>npm run build:web</code>，然后刷新本页面。API 已在 <code>/api</code> 运行。</p>
</body></html>`;

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

export async function registerWeb(app: FastifyInstance, webDir: string = DEFAULT_WEB_DIR): Promise<void> {
  const built = existsSync(path.join(webDir, 'index.html'));
  const html = (reply: FastifyReply) => withSecurityHeaders(reply).header('cache-control', 'no-cache');

  if (built) {
    await app.register(fastifyStatic, {
      root: path.join(webDir, 'assets'),
      prefix: '/assets/',
      decorateReply: true,
      index: false,
      immutable: true,
      maxAge: '365d',
    });
  }

  const serve = async (url: string, reply: FastifyReply) => {
    const pathname = url.split('?')[0] ?? '/';
    if (RESERVED.test(pathname)) throw new AppError('ROUTE_NOT_FOUND', { details: { url: pathname } });
    if (!built) return html(reply).status(503).type('text/html; charset=utf-8').send(NOT_BUILT_PAGE);
    // Files at the top of dist (favicon.svg …) are served as themselves; every other path is the app.
    const name = pathname.slice(1);
    if (name && !name.includes('/') && name !== 'index.html' && isFile(path.join(webDir, name))) {
      // The service worker (paging notifications) is checked for a new version at every load.
      if (name === SERVICE_WORKER)
        return reply.sendFile(name, webDir, { cacheControl: false }).header('cache-control', 'no-cache');
      return reply.sendFile(name, webDir, { maxAge: '1d' });
    }
    return html(reply).sendFile('index.html', webDir, { cacheControl: false });
  };

  const options = { config: { permission: 'public' as const }, schema: { hide: true } };
  app.get('/', options, async (request, reply) => serve(request.url, reply));
  app.get('/*', options, async (request, reply) => serve(request.url, reply));
}
