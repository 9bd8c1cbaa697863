import { Router } from 'express';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { EXAMPLES_FILE, GraphiQLExample, readExamplesFile } from '../../graphql/example-operations';
import type { DemoToken } from '../demo-tokens';

export interface GraphiQLRouterOptions {
  /** Where the page's fetcher posts operations, e.g. '/graphql'. */
  endpoint: string;
  /** Ready-made tabs; when absent, the operations in docs/examples.graphql (if that file exists). */
  examples?: GraphiQLExample[];
  /**
   * Development with demo data only: fresh tokens for the demo tenants, one
   * per role, which the page offers as one-click roles. Absent, no picker and
   * no token is ever in the page.
   */
  demoTokens?: () => Promise<DemoToken[]>;
}

/**
 * GraphiQL's prebuilt UMD bundle (graphiql@3 is the last major that ships one)
 * and React 18's UMD builds, served from node_modules so the page works with
 * no network and no bundler. A fixed table, never a path from the URL; the
 * package version is in the URL, so the files can be cached for a year.
 */
interface Asset {
  file: string;
  type: string;
}

function packageDir(name: string): { dir: string; version: string } {
  // Resolve package.json: graphiql's `exports` hides everything else from require.resolve.
  const manifest = require.resolve(`${name}/package.json`);
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  return { dir: path.dirname(manifest), version };
}

function loadAssets(): { assets: Map<string, Asset>; urls: { css: string; scripts: string[] } } {
  const react = packageDir('react');
  const reactDom = packageDir('react-dom');
  const graphiql = packageDir('graphiql');
  const js = 'text/javascript; charset=utf-8';
  const table: [string, string, string, string][] = [
    // [url folder, url file, file on disk, content type]
    [`react-${react.version}`, 'react.production.min.js', path.join(react.dir, 'umd', 'react.production.min.js'), js],
    [`react-dom-${reactDom.version}`, 'react-dom.production.min.js', path.join(reactDom.dir, 'umd', 'react-dom.production.min.js'), js],
    [`graphiql-${graphiql.version}`, 'graphiql.min.js', path.join(graphiql.dir, 'graphiql.min.js'), js],
    [`graphiql-${graphiql.version}`, 'graphiql.min.css', path.join(graphiql.dir, 'graphiql.min.css'), 'text/css; charset=utf-8'],
  ];
  const assets = new Map<string, Asset>();
  for (const [folder, name, file, type] of table) {
    if (!existsSync(file)) throw new Error(`GraphiQL asset missing: ${file} (run npm ci)`);
    assets.set(`${folder}/${name}`, { file, type });
  }
  const [reactJs, reactDomJs, graphiqlJs, graphiqlCss] = [...assets.keys()];
  return { assets, urls: { css: graphiqlCss, scripts: [reactJs, reactDomJs, graphiqlJs] } };
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** JSON inside <script type="application/json">: nothing in it may close the tag. */
const jsonForScript = (value: unknown) =>
  JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/*
 * The only inline script. It reads its settings from the JSON block above it
 * (data, not code), and hands its nonce to react-remove-scroll (used by
 * GraphiQL's dialogs), which reads `__webpack_nonce__` for the <style> it adds.
 *
 * Headers are one setting for the whole page, not one per tab: GraphiQL keeps
 * a copy per tab, so a token pasted in one tab would not reach the others.
 * Here every edit of the headers editor (and every click in the role picker)
 * becomes the shared headers; the fetcher sends those, whatever tab runs; and
 * after a tab is opened, switched to or closed, the editor is given them back.
 * A switch loads the tab's own copy into the editor first, and the editor
 * reports that as an edit: so a click in the tab bar (opening, switching,
 * closing) marks the editor's changes until the click is handled (`switching`,
 * cleared by the next timer, after React has run the click) as GraphiQL's own,
 * not the person's. Typing is never inside such a click.
 */
const BOOTSTRAP = `(function () {
  var config = JSON.parse(document.getElementById('graphiql-config').textContent);
  window.__webpack_nonce__ = document.currentScript.nonce;
  var h = React.createElement;
  var roles = config.roles || [];
  var persisted = null;
  try {
    // GraphiQL's own "Persist headers" setting: then it keeps the headers in local storage, and so do they stay shared.
    if (localStorage.getItem('graphiql:shouldPersistHeaders') === 'true') persisted = localStorage.getItem('graphiql:headers');
  } catch (e) {
    // No storage (a private window may refuse it): the headers live in memory only.
  }
  var shared = persisted || '';
  var switching = false;
  var rerender = function () {};
  var base = GraphiQL.createFetcher({ url: config.endpoint });

  function parse(text) {
    try {
      var value = JSON.parse(text);
      return value && typeof value === 'object' && !Array.isArray(value) ? value : null;
    } catch (e) {
      return null;
    }
  }
  function authorizationOf(text) {
    var headers = parse(text) || {};
    for (var name in headers) if (name.toLowerCase() === 'authorization') return headers[name];
    return undefined;
  }
  function withAuthorization(text, value) {
    var headers = text.trim() === '' ? {} : parse(text);
    if (!headers) headers = {};
    for (var name in headers) if (name.toLowerCase() === 'authorization') delete headers[name];
    if (value) headers.Authorization = value;
    return Object.keys(headers).length ? JSON.stringify(headers, null, 2) : '';
  }

  function fetcher(params, opts) {
    var headers = shared.trim() === '' ? {} : parse(shared);
    return base(params, Object.assign({}, opts, { headers: headers || (opts && opts.headers) || {} }));
  }

  document.addEventListener('click', function (event) {
    if (!event.target.closest || !event.target.closest('.graphiql-tabs, .graphiql-tab-add')) return;
    switching = true;
    setTimeout(function () { switching = false; });
  }, true);

  function onEditHeaders(value) {
    if (switching) return;
    shared = value;
    setTimeout(function () { rerender(); });
  }

  function App() {
    var state = React.useState({ headers: undefined });
    var pushed = state[0], setPushed = state[1];
    var tick = React.useState(0)[1];
    rerender = function () { tick(function (n) { return n + 1; }); };
    // The headers editor shows what the headers prop changes to; to show the shared headers again
    // when the prop already holds them, it passes through undefined first.
    var push = React.useCallback(function () {
      setPushed({ headers: undefined });
      setTimeout(function () { setPushed({ headers: shared }); });
    }, []);
    React.useEffect(function () { if (shared !== '') push(); }, [push]);
    // Also called when GraphiQL stores an edit in the tab; only a tab-bar click needs the editor set back.
    var onTabChange = React.useCallback(function () {
      if (switching) setTimeout(push);
    }, [push]);

    var current = authorizationOf(shared);
    var picker = roles.length === 0 ? null : h('div', { className: 'srdi-demo-roles', role: 'toolbar', 'aria-label': 'Demo roles' },
      h('span', { className: 'srdi-demo-roles-title' }, 'Demo data, development only. Act as:'),
      [{ role: 'PUBLIC', label: 'the public: no token', token: null }].concat(roles).map(function (r) {
        var active = r.token ? current === 'Bearer ' + r.token : current === undefined;
        return h('button', {
          key: r.role,
          type: 'button',
          'data-role': r.role,
          title: r.label,
          'aria-pressed': active ? 'true' : 'false',
          onClick: function () {
            shared = withAuthorization(shared, r.token ? 'Bearer ' + r.token : null);
            push();
            rerender();
          }
        }, r.role === 'PUBLIC' ? 'public' : r.role);
      }));

    return h(React.Fragment, null, picker, h('div', { className: 'srdi-graphiql' }, h(GraphiQL, {
      fetcher: fetcher,
      defaultTabs: config.tabs.length ? config.tabs : undefined,
      headers: pushed.headers,
      defaultHeaders: shared,
      onEditHeaders: onEditHeaders,
      onTabChange: onTabChange,
      isHeadersEditorEnabled: true,
      defaultEditorToolsVisibility: 'headers',
      showPersistHeadersSettings: true
    })));
  }

  ReactDOM.createRoot(document.getElementById('graphiql')).render(h(App));
})();`;

const PAGE_CSS = [
  'html, body, #graphiql { height: 100%; margin: 0; overflow: hidden; }',
  '#graphiql { display: flex; flex-direction: column; }',
  '.srdi-graphiql { flex: 1; min-height: 0; }',
  '.srdi-demo-roles { flex: none; display: flex; flex-wrap: wrap; gap: 6px; align-items: center; padding: 6px 12px;',
  '  font: 13px system-ui, sans-serif; border-bottom: 1px solid #d9d9d9; }',
  '.srdi-demo-roles button { font: inherit; padding: 2px 10px; border: 1px solid #b3b3b3; border-radius: 4px; background: #fff; cursor: pointer; }',
  '.srdi-demo-roles button[aria-pressed="true"] { background: #e10098; border-color: #e10098; color: #fff; }',
].join('\n');

/**
 * GET /graphiql: the GraphiQL page, and its assets under /graphiql/assets/.
 * Examples are read once, here, at start-up.
 */
export function graphiqlRouter(opts: GraphiQLRouterOptions): Router {
  const { assets, urls } = loadAssets();
  const examples = opts.examples ?? readExamplesFile(EXAMPLES_FILE);
  const tabs = examples.map((e) => ({ query: e.query, variables: e.variables ?? null }));
  let connectSrc = "'self'";
  if (/^https?:\/\//i.test(opts.endpoint)) connectSrc += ` ${new URL(opts.endpoint).origin}`;

  const router = Router();

  router.get('/', async (req, res) => {
    // Signed per page load, so a page opened today never holds yesterday's expired tokens.
    const roles = opts.demoTokens ? (await opts.demoTokens()).map(({ role, label, token }) => ({ role, label, token })) : [];
    const config = jsonForScript({ endpoint: opts.endpoint, tabs, roles });
    const nonce = randomBytes(16).toString('base64');
    const base = escapeHtml(`${req.baseUrl}/assets/`);
    res.set({
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Content-Security-Policy': [
        "default-src 'none'",
        `script-src 'self' 'nonce-${nonce}'`,
        `style-src 'self' 'nonce-${nonce}'`,
        "img-src 'self' data:",
        "font-src 'self' data:",
        `connect-src ${connectSrc}`,
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
      ].join('; '),
    });
    res.send(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>srdi-api GraphiQL</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${base}${urls.css}">
<style nonce="${nonce}">${PAGE_CSS}</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
${urls.scripts.map((src) => `<script src="${base}${src}"></script>`).join('\n')}
<script type="application/json" id="graphiql-config">${config}</script>
<script nonce="${nonce}">${BOOTSTRAP}</script>
</body>
</html>
`);
  });

  router.get('/assets/:folder/:file', (req, res, next) => {
    const asset = assets.get(`${req.params.folder}/${req.params.file}`);
    if (!asset) return next();
    res.type(asset.type);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.sendFile(asset.file, { maxAge: '365d', immutable: true }, (error) => {
      if (error && !res.headersSent) next(error);
    });
  });

  return router;
}
