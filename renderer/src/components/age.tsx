import { useNow } from '../state/clock';
import { formatAge } from './format';

interface Props {
  /** When the thing happened, epoch ms. */
  readonly since: number;
}

/**
 * "12 s ago", kept current by the shared clock. Only this text re-renders each
 * second and with each update, not the tile or chip around it: those keep
 * their rendering while what they show has not changed.
 */
export function Age({ since }: Props) {
  return formatAge(Math.max(0, useNow() - since));
}
