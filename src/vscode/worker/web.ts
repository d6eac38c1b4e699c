/// <reference lib="webworker" />
import { createEngineService, type WorkerRequest } from '../../host/service.js';

const handle = createEngineService();
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<WorkerRequest>) => scope.postMessage(handle(event.data));
