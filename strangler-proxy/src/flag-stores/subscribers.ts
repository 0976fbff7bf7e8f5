// The listeners of one store: a throwing listener is isolated so it cannot break a write or other listeners.
import type { FlagSnapshot } from './flag-store.js';

interface Subscriber {
  readonly listener: (snapshot: FlagSnapshot) => void;
  readonly onError: ((error: Error) => void) | undefined;
}

export class Subscribers {
  readonly #subscribers = new Set<Subscriber>();

  add(listener: (snapshot: FlagSnapshot) => void, onError?: (error: Error) => void): () => void {
    const subscriber: Subscriber = { listener, onError };
    this.#subscribers.add(subscriber);
    return () => {
      this.#subscribers.delete(subscriber);
    };
  }

  publish(snapshot: FlagSnapshot): void {
    for (const subscriber of [...this.#subscribers]) {
      try {
        subscriber.listener(snapshot);
      } catch (error) {
        this.#report(subscriber, toError(error));
      }
    }
  }

  fail(error: Error): void {
    for (const subscriber of [...this.#subscribers]) this.#report(subscriber, error);
  }

  clear(): void {
    this.#subscribers.clear();
  }

  #report(subscriber: Subscriber, error: Error): void {
    try {
      subscriber.onError?.(error);
    } catch {
      // An error handler that throws has nowhere left to report to; swallowing keeps the store alive.
    }
  }
}

export function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
