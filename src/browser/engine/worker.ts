/// <reference lib="webworker" />
/**
 * engine-worker.js: the whole engine (and the NLP library it loads, ~0.5 s to start) in a
 * dedicated worker, the same service the VS Code extension's worker runs. One parse cache
 * per field key, so a keystroke re-parses only the paragraph it changed.
 */
import { createEngineService, type WorkerRequest } from '../../host/service.js';

const handle = createEngineService();
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<WorkerRequest>) => scope.postMessage(handle(event.data));
