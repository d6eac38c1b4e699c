/// <reference lib="dom" />
/** engine.html's script (Chrome): the offscreen document exists only to host the engine worker. */
import { startEngineHost } from './engineHost.js';

startEngineHost('engine-worker.js');
