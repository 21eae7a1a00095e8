export type { EventBus, EventListener, EventStream, EventStreamOptions, EventSubscription } from './EventBus.js';
export { createEventBus, type EventBusOptions } from './createEventBus.js';
export { defaultEventStreamBufferSize } from './createEventStream.js';
