import { useNow } from '../state/clock';
import { formatAge } from './format';

interface Props {
  /** When the thing happened, epoch ms; null when it never has. */
  readonly since: number | null;
  /** Said before the age: "updated " reads "updated 12 s ago". */
  readonly prefix?: string;
  /** Said instead when `since` is null. */
  readonly never?: string;
}

/**
 * "12 s ago", kept current by the shared clock. Only this text re-renders each
 * second and with each update, not the tile or chip around it: those keep
 * their rendering while what they show has not changed.
 */
export function Age({ since, prefix = '', never = '' }: Props) {
  const now = useNow();
  return since === null ? never : `${prefix}${formatAge(Math.max(0, now - since))}`;
}
