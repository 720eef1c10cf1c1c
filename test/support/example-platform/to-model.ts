import type { ViewerPoint } from '@shared/model/samples';
import type { AudienceNow } from './schema';

/** Pure: the platform's answer as the shared model's viewer point, or null when its date is unreadable. */
export function toViewerPoint(answer: AudienceNow): ViewerPoint | null {
  const at = Date.parse(answer.measured_at);
  return Number.isNaN(at) ? null : { at, viewers: answer.watching };
}
