// The tab's pages and files over HTTP: a strict Content-Security-Policy that lets Teams frame the tab, a
// fresh nonce per page, scripts cached for a year in the encoding the browser takes, and real privacy and
// terms pages.
import { strict as assert } from 'node:assert';
import { TEAMS_FRAME_ANCESTORS } from '../../../src/tab/csp.js';
import { startTestApp, type TestApp } from '../../support/testApp.js';

describe('Requests tab pages', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(async () => {
    await t.stop();
  });

  it('serves /tab with a nonce CSP that only Teams and Microsoft 365 hosts (and the local preview) may frame', async () => {
    const first = await fetch(`${t.url}/tab`);
    assert.equal(first.status, 200);
    const csp = first.headers.get('content-security-policy') ?? '';
    for (const directive of [
      "default-src 'none'",
      "script-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
    ])
      assert.ok(csp.includes(directive), directive);
    const ancestors = /frame-ancestors ([^;]+)/.exec(csp)?.[1]?.split(' ') ?? [];
    assert.deepEqual(ancestors, [...TEAMS_FRAME_ANCESTORS, "'self'"]);
    assert.ok(!csp.includes("'unsafe-inline'") && !csp.includes("'unsafe-eval'"));
    const html = await first.text();
    const nonce = /content="([^"]+)"/.exec(html.match(/<meta name="csp-nonce"[^>]+>/)?.[0] ?? '')?.[1];
    assert.ok(nonce && csp.includes(`'nonce-${nonce}'`));
    const second = await fetch(`${t.url}/tab`);
    assert.notEqual(second.headers.get('content-security-policy'), csp, 'a new nonce for every page');
    assert.equal(first.headers.get('cache-control'), 'no-store');
    assert.equal(first.headers.get('x-frame-options'), null, 'frame-ancestors decides, not X-Frame-Options');
  });

  it('serves the script named in the page for a year, brotli or gzip as accepted', async () => {
    const html = await (await fetch(`${t.url}/tab`)).text();
    const script = /src="(\/tab\/assets\/[^"]+)"/.exec(html)?.[1];
    assert.ok(script);
    const br = await fetch(`${t.url}${script}`, { headers: { 'accept-encoding': 'br' } });
    assert.equal(br.status, 200);
    assert.equal(br.headers.get('content-encoding'), 'br');
    assert.equal(br.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.match(br.headers.get('content-type') ?? '', /text\/javascript/);
    const gzip = await fetch(`${t.url}${script}`, { headers: { 'accept-encoding': 'gzip, br;q=0' } });
    assert.equal(gzip.headers.get('content-encoding'), 'gzip');
    assert.equal((await fetch(`${t.url}/tab/assets/nothing.js`)).status, 404);
    assert.equal((await fetch(`${t.url}/tab/assets/..%2Fmanifest.json`)).status, 404);
  });

  it('says what the bot stores and for how long at /privacy, and serves /terms', async () => {
    const privacy = await fetch(`${t.url}/privacy`);
    assert.equal(privacy.status, 200);
    assert.match(privacy.headers.get('content-type') ?? '', /text\/html/);
    const text = await privacy.text();
    for (const fact of [
      /Unblock requests/,
      /Audit trail/,
      /How long/,
      /Until an administrator deletes/,
      /never stores/i,
      /passwords/i,
    ])
      assert.match(text, fact);
    assert.match(privacy.headers.get('content-security-policy') ?? '', /style-src 'self' 'sha256-/);
    const terms = await fetch(`${t.url}/terms`);
    assert.equal(terms.status, 200);
    assert.match(await terms.text(), /terms of use/i);
  });
});
