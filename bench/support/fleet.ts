import type { ProviderKind } from '@shared/model/source';

/**
 * The ten sources of the engine and renderer figures: every platform, more
 * than one account of each, as an operator watching several channels would
 * have. Each is its own platform account (own credentials, own simulator).
 */
export interface FleetSource {
  readonly id: string;
  readonly kind: ProviderKind;
  readonly name: string;
}

const count: Readonly<Record<ProviderKind, number>> = {
  'naver-vpe': 3,
  'api-video': 2,
  conviva: 3,
  'zoom-video-sdk': 2,
};

export const FLEET: readonly FleetSource[] = (Object.keys(count) as ProviderKind[]).flatMap((kind) =>
  Array.from({ length: count[kind] }, (_, i) => ({ id: `${kind}-${i + 1}`, kind, name: `${kind} ${i + 1}` })),
);
