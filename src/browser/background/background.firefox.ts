/**
 * Firefox's background: an event page, which can start workers itself, so the engine host
 * runs right here. It only listens until a field connects: the worker starts on the first text.
 */
import { startBackground } from './background.js';
import { startEngineHost } from './engineHost.js';

startEngineHost('engine-worker.js');
startBackground(async () => {});
