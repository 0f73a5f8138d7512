// Transfer size (issue 15, fault 13): the site is precompressed at build time and the server of
// scripts/serve.sh (and of the tests) sends brotli or gzip to a browser that accepts it, with the
// original's type, and the same bytes once decoded. No browser: plain HTTP requests.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { get } from 'node:http';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startStaticServer } from '../../scripts/static-server.mjs';

const site = join(dirname(fileURLToPath(import.meta.url)), '../..', process.env.SITE_DIR ?? 'build/site');
let server;
let url;
before(async () => {
  ({ server, url } = await startStaticServer(site));
});
after(() => new Promise((resolve) => server.close(resolve)));

function fetchRaw(path, acceptEncoding, extraHeaders = {}) {
  const headers = { ...(acceptEncoding ? { 'Accept-Encoding': acceptEncoding } : {}), ...extraHeaders };
  return new Promise((resolve, reject) => {
    get(`${url}${path}`, { headers }, (response) => {
      const chunks = [];
      response.on('data', (c) => chunks.push(c));
      response.on('end', () =>
        resolve({ headers: response.headers, status: response.statusCode, body: Buffer.concat(chunks) }),
      );
    }).on('error', reject);
  });
}

const BIG = ['playground.wasm', 'app.js', 'playground.mjs', 'app.css', 'worker.js', 'index.html', 'katex.min.css'];

test('brotli when the browser accepts it, else gzip, else the file as it is; the same bytes decoded', async () => {
  for (const file of BIG) {
    const original = readFileSync(join(site, file));
    const br = await fetchRaw(file, 'gzip, deflate, br');
    assert.equal(br.status, 200, file);
    assert.equal(br.headers['content-encoding'], 'br', file);
    assert.match(br.headers.vary ?? '', /Accept-Encoding/);
    assert.ok(brotliDecompressSync(br.body).equals(original), `${file}: brotli decodes to the file`);
    const gz = await fetchRaw(file, 'gzip');
    assert.equal(gz.headers['content-encoding'], 'gzip', file);
    assert.ok(gunzipSync(gz.body).equals(original), `${file}: gzip decodes to the file`);
    const plain = await fetchRaw(file, '');
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.ok(plain.body.equals(original));
    for (const response of [br, gz, plain])
      assert.equal(response.headers['content-type'], plain.headers['content-type']);
  }
  const wasm = await fetchRaw('playground.wasm', 'br');
  assert.equal(wasm.headers['content-type'], 'application/wasm');
  // A q=0 refusal is honoured.
  assert.equal((await fetchRaw('app.js', 'br;q=0, gzip')).headers['content-encoding'], 'gzip');
});

test('a file asked again while unchanged is answered 304 without a body (its ETag names file and encoding)', async () => {
  const first = await fetchRaw('playground.wasm', 'br');
  assert.equal(first.headers['cache-control'], 'no-cache', 'always revalidated');
  const tag = first.headers.etag;
  assert.match(tag ?? '', /^".+"$/);
  const again = await fetchRaw('playground.wasm', 'br', { 'If-None-Match': tag });
  assert.equal(again.status, 304);
  assert.equal(again.body.length, 0);
  assert.equal(again.headers.etag, tag);
  // Another encoding is another representation, with another tag: sent in full.
  const gzip = await fetchRaw('playground.wasm', 'gzip', { 'If-None-Match': tag });
  assert.equal(gzip.status, 200);
  assert.notEqual(gzip.headers.etag, tag);
  // Another file's tag does not match.
  const other = await fetchRaw('app.js', 'br', { 'If-None-Match': tag });
  assert.equal(other.status, 200);
  assert.ok(other.body.length > 0);
});

test('the whole start-up transfer (html, every script, styles, wasm) is under 450 KB with brotli', async () => {
  let total = 0;
  // Every script but the recorder's encoders, which load when a recording starts.
  const scripts = readdirSync(site).filter((name) => name.endsWith('.js') && name !== 'recorder.js');
  for (const file of [
    'index.html',
    'app.css',
    'playground.mjs',
    'playground.wasm',
    'uPlot.min.css',
    'katex.min.css',
    ...scripts,
  ])
    total += (await fetchRaw(file, 'br')).body.length;
  assert.ok(total < 450_000, `${total} bytes`);
  // Every compressed copy is a copy of a file the site has.
  for (const name of readdirSync(site).filter((n) => /\.(br|gz)$/.test(n)))
    assert.ok(readdirSync(site).includes(name.replace(/\.(br|gz)$/, '')), name);
});
