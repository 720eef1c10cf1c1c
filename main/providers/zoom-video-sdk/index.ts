import { zoomBudget } from './budget';
import type { Provider } from '../provider';
import { connectZoom } from './connection';
import { ZoomOptionsSchema, type ZoomOptions } from './options';

export type { ZoomOptions } from './options';

/** Zoom Video SDK REST API : live and past sessions, participants, users and QoS. */
export const zoomVideoSdkProvider: Provider<ZoomOptions> = {
  kind: 'zoom-video-sdk',
  label: 'Zoom Video SDK',
  defaultBaseUrl: 'https://api.zoom.us/v2',
  metric: {
    label: 'Zoom participants',
    unit: 'participants',
    definition: 'People in live Video SDK sessions now (sum of user_count); participants, not stream viewers',
  },
  optionsSchema: ZoomOptionsSchema,
  fields: [
    {
      key: 'apiKey',
      label: 'Video SDK API key',
      secret: true,
      kind: 'text',
      required: true,
      help: 'The Video SDK *API* key (Zoom App Marketplace → your Video SDK app), not the SDK key used to join sessions.',
    },
    { key: 'apiSecret', label: 'Video SDK API secret', secret: true, kind: 'text', required: true },
    {
      key: 'plan',
      label: 'Zoom plan',
      secret: false,
      kind: 'select',
      choices: ['pro', 'business'],
      defaultValue: 'pro',
      required: false,
      help: 'Sets how often live sessions are listed: Pro allows 10 listings a minute per account, Business and above 20; Streamwatch uses about a tenth.',
    },
    {
      key: 'pastDays',
      label: 'Past sessions: days back',
      secret: false,
      kind: 'number',
      defaultValue: 1,
      required: false,
      help: '1 to 28 days.',
    },
    {
      key: 'pageSize',
      label: 'Page size',
      secret: false,
      kind: 'number',
      defaultValue: 300,
      required: false,
      help: 'Sessions per request, up to 300.',
    },
  ],
  secretFields: ['apiKey', 'apiSecret'],
  accountSecret: 'apiKey',
  requestBudget: (_baseUrl, options) => zoomBudget(options.plan),
  connect: connectZoom,
};
