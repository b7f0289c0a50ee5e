/** Progress of a generation, reported as events; the command decides how to draw them. */
export type GenerateStep = 'validate' | 'blueprints' | 'render' | 'plan' | 'write';

export type GenerateEvent =
  | { type: 'step-start'; step: GenerateStep }
  | { type: 'step-done'; step: GenerateStep; detail?: string }
  | { type: 'step-failed'; step: GenerateStep };

export type OnEvent = (event: GenerateEvent) => void;

/** Runs one step between its start and done (or failed) events. */
export async function step<T>(onEvent: OnEvent | undefined, name: GenerateStep, run: () => Promise<T> | T, detail?: (value: T) => string): Promise<T> {
  onEvent?.({ type: 'step-start', step: name });
  try {
    const value = await run();
    onEvent?.({ type: 'step-done', step: name, ...(detail ? { detail: detail(value) } : {}) });
    return value;
  } catch (err) {
    onEvent?.({ type: 'step-failed', step: name });
    throw err;
  }
}
