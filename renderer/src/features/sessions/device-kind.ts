/**
 * Platforms name devices in their own words ("Mobile", "iPhone",
 * "phone (Apple iPhone)", "Roku Ultra"); the device filter offers the kind
 * of device instead, so one choice finds every phone whichever platform
 * reported it.
 */
export const DEVICE_KINDS = ['Phone', 'Tablet', 'Computer', 'TV or set-top box', 'Other'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

// Checked in order: a tablet before a phone ("Android tablet"), a TV before a computer ("Apple TV").
const KIND_WORDS: ReadonlyArray<readonly [DeviceKind, RegExp]> = [
  ['Tablet', /tablet|ipad|kindle/i],
  ['Phone', /phone|mobile|android|galaxy|pixel/i],
  ['TV or set-top box', /\btv\b|roku|fire ?stick|chromecast|set-?top|\bstb\b|console|playstation|xbox|tizen|webos/i],
  ['Computer', /\bpc\b|desktop|computer|laptop|mac|windows|linux|chromebook/i],
];

export function deviceKind(device: string | null): DeviceKind | null {
  if (device === null || device.trim() === '') return null;
  for (const [kind, words] of KIND_WORDS) if (words.test(device)) return kind;
  return 'Other';
}

/** The kinds present among these device names, in DEVICE_KINDS order. */
export function deviceKinds(devices: Iterable<string>): DeviceKind[] {
  const present = new Set<DeviceKind>();
  for (const device of devices) {
    const kind = deviceKind(device);
    if (kind) present.add(kind);
  }
  return DEVICE_KINDS.filter((kind) => present.has(kind));
}
