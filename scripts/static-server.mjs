// A tiny static file server for build/site, used by scripts/serve.sh and by the browser tests.
// Loopback only; no directory listings; paths cannot leave the root. A file's brotli (.br) or
// gzip (.gz) copy written by scripts/bundle.mjs is sent instead when the browser accepts it.

import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.ico': 'image/x-icon',
};

// Whether an Accept-Encoding header accepts `encoding` (listed, and not with q=0).
function accepts(header, encoding) {
  for (const part of String(header ?? '').split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (name.trim().toLowerCase() !== encoding) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  }
  return false;
}

export function startStaticServer(root, { port = 0, host = '127.0.0.1' } = {}) {
  const base = resolve(root);
  const server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url, 'http://localhost');
      let path = normalize(decodeURIComponent(url.pathname));
      if (path.endsWith('/')) path += 'index.html';
      const file = resolve(join(base, path));
      if (file !== base && !file.startsWith(base + sep)) throw new Error('outside root');
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      const headers = {
        'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
        // Always asked again (a rebuilt site is never stale), but answered 304 while unchanged:
        // a second fetch of the same file (the classify worker's wasm) or a second visit then
        // costs no download, and Chromium reuses the code it compiled from it.
        'Cache-Control': 'no-cache',
        Vary: 'Accept-Encoding',
      };
      let body = null;
      let sent = '';
      for (const [encoding, suffix] of [
        ['br', '.br'],
        ['gzip', '.gz'],
      ]) {
        if (!accepts(request.headers['accept-encoding'], encoding)) continue;
        body = await readFile(file + suffix).catch(() => null);
        if (body) {
          headers['Content-Encoding'] = encoding;
          sent = encoding;
          break;
        }
      }
      // The file's identity: its size and time of change, and which encoding is sent.
      headers.ETag = `"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}${sent ? `-${sent}` : ''}"`;
      if (request.headers['if-none-match'] === headers.ETag) {
        response.writeHead(304, headers);
        response.end();
        return;
      }
      response.writeHead(200, headers);
      response.end(body ?? (await readFile(file)));
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('not found');
    }
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolvePromise({ server, url: `http://${host}:${address.port}/` });
    });
  });
}

// `node scripts/static-server.mjs <root> [port]`
if (import.meta.url === `file://${process.argv[1]}`) {
  const root = process.argv[2] ?? 'build/site';
  const port = Number(process.argv[3] ?? process.env.PORT ?? 8080);
  const { url } = await startStaticServer(root, { port });
  console.log(`Optimizer Playground is served at ${url}  (Ctrl-C stops it)`);
}
