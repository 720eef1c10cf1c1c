import { Chart, Decimation, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';

/**
 * Only the parts of chart.js the viewers chart uses, so the rest is shaken out
 * of the bundle. The legend is ours (HTML buttons a keyboard can reach), so
 * chart.js's canvas legend is not registered.
 */
Chart.register(LineController, LineElement, PointElement, LinearScale, Tooltip, Decimation);

export { Chart };
