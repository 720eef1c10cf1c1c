import { runSoak } from './soak';

/**
 * The soak in a process of its own (`node --expose-gc --import tsx`), so its
 * heap holds only the engine and the simulators, and the parent can measure
 * engine CPU in real time meanwhile. Prints one JSON line on stdout.
 */
const hours = Number(process.argv[2] ?? '24');
const result = await runSoak(hours, (hour) => process.stderr.write(`soak: hour ${hour}/${hours}\n`));
process.stdout.write(`${JSON.stringify(result)}\n`);
