import type { ProviderKind } from '@shared/model/source';
import { apiVideoProvider } from './api-video';
import { convivaProvider } from './conviva';
import { naverVpeProvider } from './naver-vpe';
import type { Provider } from './provider';
import { zoomVideoSdkProvider } from './zoom-video-sdk';

/** Every platform Streamwatch knows. A new platform is one folder and one line here. */
export const providers: Readonly<Record<ProviderKind, Provider<any>>> = Object.fromEntries(
  [naverVpeProvider, apiVideoProvider, convivaProvider, zoomVideoSdkProvider].map((provider) => [
    provider.kind,
    provider,
  ]),
);

/** The registered platform names, for messages that list them. */
export const providerKinds: readonly ProviderKind[] = Object.keys(providers);

export const providerList: readonly Provider<unknown>[] = Object.values(providers);

export function providerFor(kind: ProviderKind): Provider<unknown> | undefined {
  return Object.hasOwn(providers, kind) ? (providers[kind] as Provider<unknown>) : undefined;
}
