/**
 * A request's path as a label value with low cardinality: any segment that
 * carries an id, a date or a token becomes ":id", so one endpoint is one
 * series however many videos, sessions or days it is asked about.
 */
export function endpointLabel(url: string): string {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return 'unknown';
  }
  const segments = path
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => (isVersion(segment) || !looksLikeId(segment) ? segment : ':id'));
  return `/${segments.join('/')}`;
}

const isVersion = (segment: string) => /^v\d+(\.\d+)?$/i.test(segment);
const looksLikeId = (segment: string) => /\d/.test(segment) || segment.length > 32 || segment.includes('%');
