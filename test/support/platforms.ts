/**
 * The platforms that ship with Streamwatch, as a closed list for fixtures and the
 * bench, which build data for each one. The product itself takes its list from the
 * provider registry; a test there proves the two agree.
 */
export const BUILT_IN_PLATFORMS = ['naver-vpe', 'api-video', 'conviva', 'zoom-video-sdk'] as const;
export type BuiltInPlatform = (typeof BUILT_IN_PLATFORMS)[number];
