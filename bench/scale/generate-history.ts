/**
 * `npm run bench:history -- --events N [--seed S] [--cache-dir DIR]`: generates (or finds in the cache)
 * the history `npm run bench:scale` measures, and prints its manifest. Useful to build a large history
 * once, ahead of the runs that measure it.
 */
import { HISTORY_USAGE, parseHistoryArguments } from './arguments.js';
import { cachedHistory } from './history/cache.js';
import { eventsProgressBar } from './history/progress-bar.js';

const options = parseHistoryArguments(process.argv.slice(2));
if (options.help) {
  console.log(HISTORY_USAGE);
  process.exit(0);
}
const bar = eventsProgressBar('history', options.events);
const history = await cachedHistory(options, (events) => bar.update(events));
bar.stop();
console.log(`${history.reused ? 'reused' : 'generated'} ${history.file}`);
console.log(JSON.stringify(history.manifest, null, 2));
