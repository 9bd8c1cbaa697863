// Preload (node -r) for a separate srdi-api instance used only for counting: counts every statement the
// pg driver sends. On SIGUSR2 it writes {count, statements} to $COUNT_FILE, where statements are the
// texts (and parameters) sent since the previous dump, so the driver can diff around N requests and
// reuse one captured statement for the SQL-level authorization cost.
'use strict';
const fs = require('node:fs');
const pg = require(require.resolve('pg', { paths: [process.cwd()] }));

let count = 0;
let statements = [];
const orig = pg.Client.prototype.query;
pg.Client.prototype.query = function (config, values, ...rest) {
  count++;
  const text = typeof config === 'string' ? config : config && config.text;
  const params = Array.isArray(values) ? values : (config && config.values) || [];
  if (statements.length < 2000) statements.push({ text: String(text), values: params });
  return orig.call(this, config, values, ...rest);
};
process.on('SIGUSR2', () => {
  fs.writeFileSync(process.env.COUNT_FILE, JSON.stringify({ count, statements }));
  statements = [];
});
