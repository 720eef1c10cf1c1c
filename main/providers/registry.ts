import type { ProviderKind } from '@shared/model/source';
import { apiVideoProvider } from './api-video';
import { convivaProvider } from './conviva';
import { naverVpeProvider } from './naver-vpe';
import type { Provider } from './provider';
import { zoomVideoSdkProvider } from './zoom-video-sdk';

/** Every platform Streamwatch knows. A new platform is one folder and one line here. */
export const providers: Readonly<Record<ProviderKind, Provider<any>>> = {
  'naver-vpe': naverVpeProvider,
  'api-video': apiVideoProvider,
  conviva: convivaProvider,
  'zoom-video-sdk': zoomVideoSdkProvider,
};

export const providerList: readonly Provider<unknown>[] = Object.values(providers);

export function providerFor(kind: ProviderKind): Provider<unknown> | undefined {
  return providers[kind] as Provider<unknown> | undefined;
}
