import {
  Chart,
  Decimation,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  TimeScale,
  Tooltip,
} from 'chart.js';
import 'chartjs-adapter-date-fns';

/**
 * Only the parts of chart.js the viewers chart uses, so the rest is shaken out
 * of the bundle. The legend is ours (HTML buttons a keyboard can reach), so
 * chart.js's canvas legend is not registered.
 */
Chart.register(LineController, LineElement, PointElement, LinearScale, TimeScale, Tooltip, Decimation);

export { Chart };
