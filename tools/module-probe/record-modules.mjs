// Preloaded with --import: records every module the process loads (ESM through a resolve hook, CommonJS
// through require's cache) and prints them as JSON on exit, for tests that prove what a process loads.
import { createRequire, register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';

const loaded = new Set();
const { port1, port2 } = new MessageChannel();
port1.on('message', (url) => loaded.add(url));
port1.unref();
register('./record-modules-hooks.mjs', import.meta.url, { data: { port: port2 }, transferList: [port2] });

process.on('exit', () => {
  for (const file of Object.keys(createRequire(import.meta.url).cache)) loaded.add(file);
  process.stdout.write(`${JSON.stringify([...loaded])}\n`);
});
