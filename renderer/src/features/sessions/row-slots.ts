/**
 * Which row element draws each session drawn. A session drawn last time keeps
 * its element, so a view the scroll anchor holds (1,500 new rows above it)
 * changes no element's text, only where it sits. A session new to the view
 * takes the element of one that left, so new sessions at the top change text
 * in place instead of making elements and throwing others away. Slots count
 * from 0; there are never more than the most rows drawn at once.
 */
export class RowSlots {
  private last = new Map<string, number>();

  assign(keys: readonly string[]): ReadonlyMap<string, number> {
    const next = new Map<string, number>();
    const taken = new Set<number>();
    keys.forEach((key) => {
      const slot = this.last.get(key);
      if (slot === undefined || taken.has(slot)) return;
      next.set(key, slot);
      taken.add(slot);
    });
    let free = 0;
    keys.forEach((key) => {
      if (next.has(key)) return;
      while (taken.has(free)) free++;
      next.set(key, free);
      taken.add(free);
    });
    this.last = next;
    return next;
  }
}
