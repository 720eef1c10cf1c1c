import type { ProviderKind } from '../../shared/model/source';
import type { Provider } from './provider';

/** Every platform Streamwatch knows. A new platform is one folder and one line here. */
export const providers: Partial<Record<ProviderKind, Provider<any>>> = {};

export function providerFor(kind: ProviderKind): Provider<unknown> | undefined {
  return providers[kind] as Provider<unknown> | undefined;
}
