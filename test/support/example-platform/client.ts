import { sourceError, type SourceError } from '@shared/model/errors';
import { err, type Result } from '@shared/result';
import { parseJson, parseWith, statusError, type Http } from '../../../main/providers/http';
import { AudienceNowSchema, type AudienceNow } from './schema';

export const LABEL = 'Example TV';

export function createExampleClient(http: Http, baseUrl: string, apiKey: string) {
  return {
    async audienceNow(signal: AbortSignal): Promise<Result<AudienceNow, SourceError>> {
      const answer = await http.send({ url: `${baseUrl}/v1/audience/now`, headers: { 'x-api-key': apiKey }, signal });
      if (!answer.ok) return answer;
      if (answer.value.status !== 200) return err(statusError(LABEL, answer.value, Date.now()));
      const json = parseJson(LABEL, answer.value.text);
      return json.ok ? parseWith(LABEL, AudienceNowSchema, json.value) : json;
    },
  };
}

export const unreadableDate = (): SourceError => sourceError('schema', `${LABEL} sent a reading without a date.`);
