import type { GenerateEvent, GenerateStep } from '../generate/events.js';
import type { Lang } from '../i18n/lang.js';
import type { CliContext } from './context.js';

const TITLES: Record<GenerateStep, { id: string; en: string }> = {
  validate: { id: 'Memeriksa profil', en: 'Validating the profile' },
  blueprints: { id: 'Memuat blueprint', en: 'Loading blueprints' },
  render: { id: 'Merender berkas', en: 'Rendering files' },
  plan: { id: 'Menyusun rencana', en: 'Planning' },
  write: { id: 'Menulis keluaran (atomik)', en: 'Writing the output (atomically)' },
};

export const stepTitle = (s: GenerateStep, lang: Lang) => TITLES[s][lang];

export interface Progress {
  onEvent(event: GenerateEvent): void;
  finish(): Promise<void>;
}

/** Plain lines on standard error: for CI logs, pipes and NO_COLOR terminals alike. */
export function plainProgress(ctx: Pick<CliContext, 'lang' | 'stderr'>): Progress {
  return {
    onEvent(e) {
      if (e.type === 'step-done') ctx.stderr(`✓ ${stepTitle(e.step, ctx.lang)}${e.detail ? ` (${e.detail})` : ''}\n`);
      if (e.type === 'step-failed') ctx.stderr(`✗ ${stepTitle(e.step, ctx.lang)}\n`);
    },
    async finish() {},
  };
}

/** listr2 draws the same events on a terminal; it is loaded only then. */
export async function terminalProgress(ctx: Pick<CliContext, 'lang'>, steps: readonly GenerateStep[]): Promise<Progress> {
  const { Listr } = await import('listr2');
  const waiting = new Map<GenerateStep, { resolve: (detail?: string) => void; reject: (e: Error) => void; promise: Promise<string | undefined> }>();
  for (const s of steps) {
    let resolve!: (detail?: string) => void;
    let reject!: (e: Error) => void;
    const promise = new Promise<string | undefined>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    promise.catch(() => undefined);
    waiting.set(s, { resolve, reject, promise });
  }
  const list = new Listr(
    steps.map((s) => ({
      title: stepTitle(s, ctx.lang),
      task: async (_: unknown, task: { title: string; skip: (msg?: string) => void }) => {
        const detail = await waiting.get(s)!.promise;
        if (detail === '\0skip') task.skip();
        else if (detail) task.title = `${stepTitle(s, ctx.lang)} (${detail})`;
      },
    })),
    { exitOnError: true, rendererOptions: { collapseErrors: false } },
  );
  const running = list.run().catch(() => undefined);
  return {
    onEvent(e) {
      if (e.type === 'step-done') waiting.get(e.step)?.resolve(e.detail);
      if (e.type === 'step-failed') waiting.get(e.step)?.reject(new Error(stepTitle(e.step, ctx.lang)));
    },
    async finish() {
      for (const w of waiting.values()) w.resolve('\0skip');
      await running;
    },
  };
}
