import { VIEWS, type ViewId } from '@shared/model/views';

export { VIEWS, type ViewEntry, type ViewId } from '@shared/model/views';

export function viewFromHash(hash: string): ViewId {
  const id = hash.replace(/^#/, '');
  return VIEWS.find((v) => v.id === id)?.id ?? 'overview';
}

export function viewForKey(key: string): ViewId | null {
  return VIEWS.find((v) => v.key === key || v.alias === key)?.id ?? null;
}
