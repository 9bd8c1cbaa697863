// Preload (node -r) for a separate srdi-api instance used only for counting: counts every statement the
// pg driver sends, and the round trips they take. On SIGUSR2 it writes {count, trips, statements} to $COUNT_FILE, where statements are the
// texts (and parameters) sent since the previous dump, so the driver can diff around N requests and
// reuse one captured statement for the SQL-level authorization cost.
'use strict';
const fs = require('node:fs');
const pg = require(require.resolve('pg', { paths: [process.cwd()] }));

let count = 0; // statements: a simple-protocol message may carry several, separated by semicolons
let trips = 0; // messages sent, each one round trip
let statements = [];

/** The statements in one message: semicolons outside quotes separate them. */
function statementsIn(text) {
  let n = 1;
  let quote = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) { if (c === quote) quote = null; } else if (c === "'" || c === '"') quote = c; else if (c === ';' && text.slice(i + 1).trim()) n++;
  }
  return n;
}
const orig = pg.Client.prototype.query;
pg.Client.prototype.query = function (config, values, ...rest) {
  const text = typeof config === 'string' ? config : config && config.text;
  count += statementsIn(String(text));
  trips++;
  const params = Array.isArray(values) ? values : (config && config.values) || [];
  if (statements.length < 2000) statements.push({ text: String(text), values: params });
  return orig.call(this, config, values, ...rest);
};
process.on('SIGUSR2', () => {
  fs.writeFileSync(process.env.COUNT_FILE, JSON.stringify({ count, trips, statements }));
  statements = [];
});
