/** How a bus moves messages between its publishers and its local listeners: in process, or through Redis. */
export interface EventTransport {
  /** Sends `message` to every bus of this transport (this one included) that has joined `channel`. */
  publish(channel: string, message: string): Promise<void>;
  /** Starts receiving `channel` (its first local listener came); resolves once messages published from now on come. */
  join(channel: string): Promise<void>;
  /** Stops receiving `channel` (its last local listener left). */
  leave(channel: string): void;
  close(): void;
}

/** Hands each message received on a joined channel to the bus's local listeners. */
export type DeliverEvent = (channel: string, message: string) => void;

/** No network: a message published is delivered to this bus's own listeners before `publish` resolves. */
export function createLocalTransport(deliver: DeliverEvent): EventTransport {
  return {
    publish: (channel, message) => {
      deliver(channel, message);
      return Promise.resolve();
    },
    join: () => Promise.resolve(),
    leave: () => undefined,
    close: () => undefined,
  };
}
