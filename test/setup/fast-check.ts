import fc from 'fast-check';

/**
 * Property tests: CI runs one fixed seed, so a submission's result is reproducible; on a developer's
 * machine each run draws a new seed and keeps exploring. `FC_SEED=N` replays a reported failure.
 */
const fixed = process.env.FC_SEED ?? (process.env.CI === 'true' ? '20261123' : undefined);
if (fixed !== undefined) fc.configureGlobal({ seed: Number(fixed) });
