/**
 * A fixed-capacity buffer that drops its oldest item when full: a viewer
 * series holds at most `capacity` points however long the app runs.
 * Items are kept in insertion order; `at(0)` is the oldest.
 */
export interface RingBuffer<T> {
  readonly capacity: number;
  readonly length: number;
  at(index: number): T | undefined;
  last(): T | undefined;
  /** Appends; returns the item pushed out when the buffer was full. */
  push(item: T): T | undefined;
  /** Replaces the item at `index` (0 = oldest). */
  set(index: number, item: T): void;
  /**
   * Inserts before `index`, shifting newer items along; when full the oldest
   * item falls out. O(n), meant for the rare late point, not the common append.
   */
  insert(index: number, item: T): void;
  toArray(): T[];
}

export function createRingBuffer<T>(capacity: number): RingBuffer<T> {
  if (!Number.isInteger(capacity) || capacity < 1)
    throw new RangeError(`Ring buffer capacity must be a positive integer, got ${capacity}.`);
  let items: (T | undefined)[] = new Array<T | undefined>(capacity);
  let start = 0;
  let length = 0;
  const slot = (index: number) => (start + index) % capacity;

  return {
    capacity,
    get length() {
      return length;
    },
    at(index) {
      return index >= 0 && index < length ? items[slot(index)] : undefined;
    },
    last() {
      return length === 0 ? undefined : items[slot(length - 1)];
    },
    push(item) {
      if (length < capacity) {
        items[slot(length)] = item;
        length += 1;
        return undefined;
      }
      const evicted = items[start];
      items[start] = item;
      start = (start + 1) % capacity;
      return evicted;
    },
    set(index, item) {
      if (index < 0 || index >= length) throw new RangeError(`Index ${index} is outside 0..${length - 1}.`);
      items[slot(index)] = item;
    },
    insert(index, item) {
      const all = this.toArray();
      all.splice(Math.max(0, Math.min(index, all.length)), 0, item);
      const kept = all.slice(-capacity);
      items = new Array<T | undefined>(capacity);
      kept.forEach((value, i) => (items[i] = value));
      start = 0;
      length = kept.length;
    },
    toArray() {
      const out: T[] = new Array<T>(length);
      for (let i = 0; i < length; i++) out[i] = items[slot(i)] as T;
      return out;
    },
  };
}
