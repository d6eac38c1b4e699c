/// <reference lib="webworker" />
import { createWorkerService, type WorkerRequest } from './service.js';

const handle = createWorkerService();
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<WorkerRequest>) => scope.postMessage(handle(event.data));
