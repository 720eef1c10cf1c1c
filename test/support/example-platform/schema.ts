import { z } from 'zod';

/** The made-up platform's one answer: `GET /v1/audience/now`. */
export const AudienceNowSchema = z.object({
  measured_at: z.string(),
  watching: z.number().int().nonnegative(),
});
export type AudienceNow = z.infer<typeof AudienceNowSchema>;
