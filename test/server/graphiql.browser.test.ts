import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BrowserContext, chromium, Page } from 'playwright-core';
import { EXAMPLES_FILE, parseExamples } from '../../src/graphql/example-operations';
import { DemoTenants } from '../../src/seed/demo';
import { createEnterprise, createPlatform } from '../support/factories';
import { startTestServer, TestServer } from '../support/server';
import { tokenFor } from '../support/tokens';

/*
 * GraphiQL at /graphiql, in a real browser: Debian's chromium driven by
 * playwright-core (which never downloads a browser of its own). Without
 * /usr/bin/chromium the browser half is skipped, loudly; the HTTP half runs.
 */
const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const maybe = hasChromium ? describe : describe.skip;
if (!hasChromium) {
  console.warn(`SKIPPED: GraphiQL browser test needs ${CHROMIUM} (apt-get install -y chromium); it is missing.`);
}

jest.setTimeout(60_000);

// The functions handed to page.evaluate run in the browser; this project's
// tsconfig has no DOM library, so the browser globals they use are declared here.
declare const document: any;
declare const localStorage: any;

/** Demo tenants made by factories: what the role picker needs, without loading the whole demo data. */
async function demoTenants(server: TestServer): Promise<DemoTenants> {
  const enterprise = await createEnterprise(server.db.dataSource, { regionCode: '320505', name: '演示精密机械有限公司' });
  const platform = await createPlatform(server.db.dataSource, { regionCode: '320500', name: '演示公共服务平台' });
  return {
    enterprise: { id: enterprise.id, creditCode: enterprise.creditCode, name: enterprise.name },
    otherEnterprise: { id: enterprise.id, creditCode: enterprise.creditCode, name: enterprise.name },
    platform: { id: platform.id, name: '演示公共服务平台' },
    otherPlatform: { id: platform.id, name: '演示公共服务平台' },
    regionCode: '320000',
    otherRegionCode: '330000',
  };
}

const configOf = (html: string) =>
  JSON.parse(/<script type="application\/json" id="graphiql-config">(.*?)<\/script>/s.exec(html)![1]) as {
    tabs: { query: string }[];
    roles: { role: string; label: string; token: string }[];
  };

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

describe('GraphiQL over HTTP', () => {
  it('serves the page with a strict Content-Security-Policy, with and without a trailing slash', async () => {
    for (const route of ['/graphiql', '/graphiql/']) {
      const res = await fetch(`${t.url}${route}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const csp = res.headers.get('content-security-policy')!;
      expect(csp).toMatch(/default-src 'none'/);
      expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'(;|$)/);
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
      const html = await res.text();
      expect(html).toContain('<title>srdi-api GraphiQL</title>');
      expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    }
  });

  it('serves every asset the page names, long-cached with the right content type', async () => {
    const html = await (await fetch(`${t.url}/graphiql`)).text();
    const urls = [...html.matchAll(/(?:src|href)="(\/graphiql\/assets\/[^"]+)"/g)].map((m) => m[1]);
    expect(urls).toHaveLength(4);
    for (const url of urls) {
      const res = await fetch(`${t.url}${url}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(url.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
    expect((await fetch(`${t.url}/graphiql/assets/graphiql-0.0.0/graphiql.min.js`)).status).toBe(404);
    expect((await fetch(`${t.url}/graphiql/assets/..%2Fpackage.json/x`)).status).toBe(404);
  });

  it('offers the examples as the page’s tabs, the mutations people need first included, each with its sample input', async () => {
    const html = await (await fetch(`${t.url}/graphiql`)).text();
    const config = configOf(html);
    const names = config.tabs.map((tab) => /^(?:query|mutation) (\w+)/.exec(tab.query)?.[1]);
    expect(names).toEqual(parseExamples(readFileSync(EXAMPLES_FILE, 'utf8')).map((e) => e.name));
    expect(names).toEqual(
      expect.arrayContaining(['ReportFinancials', 'UpdateApplication', 'RegisterPlatform', 'RaisePublicObjection', 'KeyLittleGiants']),
    );
    const objection = config.tabs.find((tab) => tab.query.startsWith('mutation RaisePublicObjection'))!.query;
    // Runnable as it stands: the input is the variable's default, with a name and a contact as the public must give.
    expect(objection).toMatch(/\$input: RaisePublicObjectionInput! = \{[^}]*objectorName: "[^"]+"[^}]*objectorContact: "[^"]+"/s);
  });

  it('turns a .graphql file into one example per operation, with the fragments it uses', () => {
    const examples = parseExamples(
      `query A { ...R }\nfragment R on Query { regions { ...C } }\nfragment C on Region { code }\nfragment Unused on Region { name }\n{ viewer { role } }`,
    );
    expect(examples.map((e) => e.name)).toEqual(['A', 'Example 2']);
    expect(examples[0].query).toBe('query A { ...R }\n\nfragment R on Query { regions { ...C } }\n\nfragment C on Region { code }\n');
    expect(examples[1].query).toBe('{ viewer { role } }\n');
    expect(() => parseExamples('query {', 'docs/x.graphql')).toThrow(/^docs\/x\.graphql:1:8: Syntax Error/);
  });
});

describe('GraphiQL’s demo roles, over HTTP', () => {
  // The tenants are made once the server's database exists; the server reads them when a page asks.
  const demo = {} as DemoTenants;
  let dev: TestServer;
  let prod: TestServer;
  beforeAll(async () => {
    dev = await startTestServer({ NODE_ENV: 'development' }, { demo });
    Object.assign(demo, await demoTenants(dev));
    prod = await startTestServer({ NODE_ENV: 'production', GRAPHIQL: '1' }, { demo });
  });
  afterAll(async () => {
    await dev?.close();
    await prod?.close();
  });

  it('in development with demo data, the page carries one working token per role', async () => {
    const { roles } = configOf(await (await fetch(`${dev.url}/graphiql`)).text());
    expect(roles.map((r) => r.role)).toEqual(['ENTERPRISE', 'PLATFORM', 'LOCAL_GOV', 'MIIT', 'MOF']);
    for (const { role, token } of roles) {
      const res = await dev.graphql('{ viewer { role enterprise { name } platform { name } region { code } } }', {}, token);
      expect(res.errors).toBeUndefined();
      expect(res.data!.viewer.role).toBe(role);
    }
    const viewerOf = async (role: string) =>
      (await dev.graphql('{ viewer { enterprise { name } platform { name } region { code } } }', {}, roles.find((r) => r.role === role)!.token)).data!
        .viewer;
    expect((await viewerOf('ENTERPRISE')).enterprise.name).toBe('演示精密机械有限公司');
    expect((await viewerOf('PLATFORM')).platform.name).toBe('演示公共服务平台');
    expect((await viewerOf('LOCAL_GOV')).region.code).toBe('320000');
  });

  it('never in production, nor under test, even with demo tenants at hand: no roles and no token in the page', async () => {
    for (const server of [prod, t]) {
      const html = await (await fetch(`${server.url}/graphiql`)).text();
      expect(configOf(html).roles).toEqual([]);
      expect(html).not.toMatch(/eyJ[A-Za-z0-9_-]+\./);
    }
    expect(prod.config.env).toBe('production');
  });
});

maybe('GraphiQL in Chromium', () => {
  // GraphiQL 3 keeps both tool editors in one section and hides the inactive one.
  const HEADERS_EDITOR = 'section.graphiql-editor-tool[aria-label="Headers"] .graphiql-editor:not(.hidden)';
  let context: BrowserContext;
  let page: Page;
  let userDataDir: string;
  const requested: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    userDataDir = mkdtempSync(path.join(os.tmpdir(), 'srdi-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1400, height: 1000 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    });
    context.on('request', (request) => void requested.push(request.url()));
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e: any) => {
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    page = context.pages()[0] ?? (await context.newPage());
    await openGraphiQL(page, t.url, problems);
  });

  afterAll(async () => {
    await context?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  it('loads everything from the API itself, without errors or CSP violations', async () => {
    expect(await page.title()).toBe('srdi-api GraphiQL');
    const elsewhere = requested.filter((url) => !/^(data|blob):/.test(url) && new URL(url).hostname !== '127.0.0.1');
    expect(elsewhere).toEqual([]);
    expect(requested.some((url) => url.endsWith('/graphiql.min.js'))).toBe(true);
    expect(problems).toEqual([]);
  });

  it('opens the examples from docs/examples.graphql as tabs, with the headers editor showing', async () => {
    const tabs = await page.locator('.graphiql-tab').allInnerTexts();
    const examples = parseExamples(readFileSync(EXAMPLES_FILE, 'utf8')).map((e) => e.name);
    expect(examples.slice(0, 2)).toEqual(['Provinces', 'JiangsuCities']);
    expect(tabs.map((s) => s.trim())).toEqual(examples);
    await expect(page.locator('.graphiql-editor-tools button[data-name="headers"].active').count()).resolves.toBe(1);
    await expect(page.locator(HEADERS_EDITOR).isVisible()).resolves.toBe(true);
    // Persisting headers (a pasted token) is the user's choice, offered in the settings dialog.
    await page.click('button[aria-label="Open settings dialog"]');
    await expect(page.locator('.graphiql-dialog', { hasText: 'Persist headers' }).count()).resolves.toBe(1);
    await page.keyboard.press('Escape');
    await page.waitForSelector('.graphiql-dialog', { state: 'detached' });
  });

  it('runs a query typed into a new tab and shows the 31 provinces, sending the headers editor’s headers', async () => {
    const query = '{ regions(level: PROVINCE) { code } }';
    const before = await page.locator('.graphiql-tab').count();
    await page.click('.graphiql-tab-add');
    await page.waitForFunction((n) => document.querySelectorAll('.graphiql-tab').length === n, before + 1);
    await page.evaluate(
      ([headersEditor, query]) => {
        const cm = (el: string) => document.querySelector(`${el} .CodeMirror`).CodeMirror;
        cm('.graphiql-query-editor').setValue(query);
        cm(headersEditor).setValue('{"X-Request-Id": "graphiql-browser-test"}');
      },
      [HEADERS_EDITOR, query],
    );
    // GraphiQL reads an edit after a 100 ms debounce (and only then forgets the
    // previous tab's operation name); it stores the query when it has.
    await page.waitForFunction((query) => localStorage.getItem('graphiql:query') === query, query);
    const [response] = await Promise.all([
      page.waitForResponse((res) => res.url() === `${t.url}/graphql` && res.request().method() === 'POST'),
      page.click('.graphiql-execute-button'),
    ]);
    expect(response.headers()['x-request-id']).toBe('graphiql-browser-test');

    const resultPane = '.result-window .CodeMirror';
    await page.waitForFunction((pane) => document.querySelector(pane)?.CodeMirror.getValue() !== '', resultPane);
    const shown = JSON.parse(await page.evaluate((pane) => document.querySelector(pane).CodeMirror.getValue() as string, resultPane));
    expect(shown.errors).toBeUndefined();
    expect(shown.data.regions).toHaveLength(31);
    expect(shown.data.regions.map((r: { code: string }) => r.code)).toContain('320000');
    await expect(page.locator('.result-window').innerText()).resolves.toContain('"320000"');

    // GRAPHIQL_SCREENSHOT=/tmp/graphiql.png keeps a picture of the page, to look at.
    if (process.env.GRAPHIQL_SCREENSHOT) await page.screenshot({ path: process.env.GRAPHIQL_SCREENSHOT });
    expect(problems).toEqual([]);
    const elsewhere = requested.filter((url) => !/^(data|blob):/.test(url) && new URL(url).hostname !== '127.0.0.1');
    expect(elsewhere).toEqual([]);
  });
  it('runs a query as the role of a token pasted into the headers editor', async () => {
    const firm = await createEnterprise(t.db.dataSource, { regionCode: '320102', name: '浏览器测试精工有限公司' });
    const token = await tokenFor({ role: 'ENTERPRISE', enterpriseId: firm.id });
    const query = '{ viewer { role enterprise { name } } }';
    const before = await page.locator('.graphiql-tab').count();
    await page.click('.graphiql-tab-add');
    await page.waitForFunction((n) => document.querySelectorAll('.graphiql-tab').length === n, before + 1);
    await page.evaluate(
      ([headersEditor, query, headers]) => {
        const cm = (el: string) => document.querySelector(`${el} .CodeMirror`).CodeMirror;
        cm('.graphiql-query-editor').setValue(query);
        cm(headersEditor).setValue(headers);
      },
      [HEADERS_EDITOR, query, JSON.stringify({ Authorization: `Bearer ${token}` })],
    );
    await page.waitForFunction((query) => localStorage.getItem('graphiql:query') === query, query);
    const [response] = await Promise.all([
      page.waitForResponse((res) => res.url() === `${t.url}/graphql` && res.request().method() === 'POST'),
      page.click('.graphiql-execute-button'),
    ]);
    expect(response.request().headers().authorization).toBe(`Bearer ${token}`);
    const resultPane = '.result-window .CodeMirror';
    await page.waitForFunction((pane) => /ENTERPRISE/.test(document.querySelector(pane)?.CodeMirror.getValue() ?? ''), resultPane);
    const shown = JSON.parse(await page.evaluate((pane) => document.querySelector(pane).CodeMirror.getValue() as string, resultPane));
    expect(shown.data.viewer).toEqual({ role: 'ENTERPRISE', enterprise: { name: '浏览器测试精工有限公司' } });
    expect(problems).toEqual([]);
  });
  it('applies the headers to every tab: a token pasted in one follows to the others, old and new', async () => {
    const token = await tokenFor({ role: 'MIIT' });
    const headers = JSON.stringify({ Authorization: `Bearer ${token}` });
    const tabs = page.locator('.graphiql-tab');
    // The tab before this one kept its own, different copy of the headers ({"X-Request-Id": …}).
    await setEditor(page, HEADERS_EDITOR, headers);
    await tabs
      .nth((await tabs.count()) - 2)
      .locator('.graphiql-tab-button')
      .click();
    await waitForEditor(page, HEADERS_EDITOR, headers);
    await page.click('.graphiql-tab-add');
    await waitForEditor(page, HEADERS_EDITOR, headers);
    await openTab(page, 'Viewer');
    await waitForEditor(page, HEADERS_EDITOR, headers);
    const { request, body } = await execute(page, t.url, 'Viewer');
    expect(request.headers().authorization).toBe(`Bearer ${token}`);
    expect(body.data.viewer.role).toBe('MIIT');
    expect(await page.locator('.srdi-demo-roles').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('forgets the headers on reload, unless "Persist headers" is on: then they come back, for every tab', async () => {
    await page.reload();
    await page.waitForSelector('.graphiql-query-editor .CodeMirror');
    await waitForEditor(page, HEADERS_EDITOR, '');
    expect(await page.evaluate(() => localStorage.getItem('graphiql:headers'))).toBeNull();

    await page.click('button[aria-label="Open settings dialog"]');
    await page.click('#enable-persist-headers');
    await page.keyboard.press('Escape');
    await page.waitForSelector('.graphiql-dialog', { state: 'detached' });
    const headers = JSON.stringify({ Authorization: `Bearer ${await tokenFor({ role: 'MOF' })}` });
    await setEditor(page, HEADERS_EDITOR, headers);
    await page.waitForFunction((headers) => localStorage.getItem('graphiql:headers') === headers, headers);

    await page.reload();
    await page.waitForSelector('.graphiql-query-editor .CodeMirror');
    await waitForEditor(page, HEADERS_EDITOR, headers);
    await openTab(page, 'Viewer');
    await waitForEditor(page, HEADERS_EDITOR, headers);
    const { body } = await execute(page, t.url, 'Viewer');
    expect(body.data.viewer.role).toBe('MOF');
    expect(problems).toEqual([]);
  });

  describe('with demo roles, in development', () => {
    const demo = {} as DemoTenants;
    let dev: TestServer;
    let devPage: Page;
    const devProblems: string[] = [];
    beforeAll(async () => {
      dev = await startTestServer({ NODE_ENV: 'development' }, { demo });
      Object.assign(demo, await demoTenants(dev));
      devPage = await context.newPage();
      await openGraphiQL(devPage, dev.url, devProblems);
    });
    afterAll(async () => {
      await devPage?.close();
      await dev?.close();
    });

    it('one click acts as a role, in every tab; "public" drops the token', async () => {
      const buttons = devPage.locator('.srdi-demo-roles button');
      expect((await buttons.allInnerTexts()).map((s) => s.trim())).toEqual(['public', 'ENTERPRISE', 'PLATFORM', 'LOCAL_GOV', 'MIIT', 'MOF']);
      await expect(buttons.filter({ hasText: 'public' }).getAttribute('aria-pressed')).resolves.toBe('true');
      const roles = (await devPage.evaluate(() => JSON.parse(document.getElementById('graphiql-config').textContent).roles)) as {
        role: string;
        token: string;
      }[];
      const tokenOf = (role: string) => roles.find((r) => r.role === role)!.token;

      await buttons.filter({ hasText: 'MIIT' }).click();
      await waitForEditor(devPage, HEADERS_EDITOR, JSON.stringify({ Authorization: `Bearer ${tokenOf('MIIT')}` }, null, 2));
      await expect(buttons.filter({ hasText: 'MIIT' }).getAttribute('aria-pressed')).resolves.toBe('true');
      await openTab(devPage, 'Viewer');
      let run = await execute(devPage, dev.url, 'Viewer');
      expect(run.request.headers().authorization).toBe(`Bearer ${tokenOf('MIIT')}`);
      expect(run.body.data.viewer.role).toBe('MIIT');

      await buttons.filter({ hasText: 'ENTERPRISE' }).click();
      await openTab(devPage, 'Provinces');
      await waitForEditor(devPage, HEADERS_EDITOR, JSON.stringify({ Authorization: `Bearer ${tokenOf('ENTERPRISE')}` }, null, 2));
      await openTab(devPage, 'Viewer');
      run = await execute(devPage, dev.url, 'Viewer');
      expect(run.body.data.viewer).toMatchObject({ role: 'ENTERPRISE', enterprise: { name: '演示精密机械有限公司' } });
      if (process.env.GRAPHIQL_SCREENSHOT) await devPage.screenshot({ path: process.env.GRAPHIQL_SCREENSHOT.replace(/(\.png)?$/, '-roles.png') });

      await buttons.filter({ hasText: 'public' }).click();
      await waitForEditor(devPage, HEADERS_EDITOR, '');
      run = await execute(devPage, dev.url, 'Viewer');
      expect(run.request.headers().authorization).toBeUndefined();
      expect(run.body.data.viewer.role).toBe('PUBLIC');
      expect(devProblems).toEqual([]);
    });

    it('is absent from the production page', async () => {
      const prod = await startTestServer({ NODE_ENV: 'production', GRAPHIQL: '1' }, { demo });
      const prodPage = await context.newPage();
      try {
        await prodPage.goto(`${prod.url}/graphiql`);
        await prodPage.waitForSelector('.graphiql-query-editor .CodeMirror');
        expect(await prodPage.locator('.srdi-demo-roles').count()).toBe(0);
        expect(await prodPage.locator('.graphiql-tab').count()).toBeGreaterThan(2);
      } finally {
        await prodPage.close();
        await prod.close();
      }
    });
  });
});

/** Opens the server's GraphiQL, noting page errors and console errors (CSP violations among them) in `problems`. */
async function openGraphiQL(p: Page, base: string, problems: string[]) {
  p.on('pageerror', (error) => void problems.push(`page error: ${error.message}`));
  p.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  await p.goto(`${base}/graphiql`);
  await p.waitForSelector('.graphiql-query-editor .CodeMirror');
}

/** Sets a CodeMirror editor's text, as typing would (GraphiQL hears the change). */
async function setEditor(p: Page, editor: string, value: string) {
  await p.evaluate(([editor, value]) => document.querySelector(`${editor} .CodeMirror`).CodeMirror.setValue(value), [editor, value]);
}

async function waitForEditor(p: Page, editor: string, value: string) {
  await p.waitForFunction(([editor, value]) => document.querySelector(`${editor} .CodeMirror`)?.CodeMirror.getValue() === value, [editor, value]);
}

/** Runs the active tab's operation, and returns the request the page sent and the server's answer. */
async function execute(p: Page, base: string, operationName: string) {
  const [response] = await Promise.all([
    p.waitForResponse(
      (res) =>
        res.url() === `${base}/graphql` &&
        res.request().method() === 'POST' &&
        JSON.parse(res.request().postData() ?? '{}').operationName === operationName,
    ),
    p.click('.graphiql-execute-button'),
  ]);
  return { request: response.request(), body: (await response.json()) as { data: any; errors?: unknown[] } };
}

/**
 * Opens the (first) tab titled `title` (an operation's name), and waits until GraphiQL has taken in its query:
 * it reads an editor's change after a debounce, and runs the previous tab's operation name until then.
 */
async function openTab(p: Page, title: string) {
  await p
    .locator('.graphiql-tab-button')
    .filter({ hasText: new RegExp(`^\\s*${title}\\s*$`) })
    .first()
    .click();
  await p.waitForFunction((title) => new RegExp(`^(query|mutation) ${title}\\b`).test(localStorage.getItem('graphiql:query') ?? ''), title);
}
