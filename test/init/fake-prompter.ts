/**
 * A Prompter that answers by question id, as a person would: a search answer is the text typed
 * (the first match is taken), an input answer goes through the question's own validation (a
 * rejected answer is recorded with its reason, then the next queued answer is tried), a checkbox
 * answer is the values ticked. Every question asked is recorded.
 */
import type { CheckboxQuestion, ConfirmQuestion, InputQuestion, Prompter, SearchQuestion, SelectQuestion } from '../../src/commands/init/prompts.js';

/** One answer: text typed, a choice's value, a confirm, or the values ticked in a checkbox. */
export type Answer = string | boolean | string[];

export interface FakePrompter extends Prompter {
  asked: string[];
  rejected: { id: string; value: string; reason: string }[];
  explained: { id: string; value: string; meaning: string | undefined }[];
  notes: string[];
}

/** `answers`: per question id, the answers in the order they are asked; the last one repeats. */
export function fakePrompter(answers: Record<string, Answer[]>, options: { interruptAt?: string } = {}): FakePrompter {
  const queues = new Map(Object.entries(answers).map(([k, v]) => [k, [...v]]));
  const asked: string[] = [];
  const rejected: FakePrompter['rejected'] = [];
  const explained: FakePrompter['explained'] = [];
  const notes: string[] = [];
  const next = (id: string): Answer => {
    asked.push(id);
    if (options.interruptAt === id) {
      const err = new Error('User force closed the prompt with SIGINT');
      err.name = 'ExitPromptError';
      throw err;
    }
    const q = queues.get(id);
    if (!q || q.length === 0) throw new Error(`fake prompter: no answer left for "${id}" (asked so far: ${asked.join(', ')})`);
    return q.length > 1 ? q.shift()! : q[0]!;
  };
  return {
    asked,
    rejected,
    explained,
    notes,
    async search<V>(q: SearchQuestion<V>): Promise<V> {
      const typed = String(next(q.id));
      const found = q.source(typed);
      if (found.length === 0) throw new Error(`fake prompter: "${typed}" finds nothing for ${q.id}`);
      return found[0]!.value;
    },
    async select<V>(q: SelectQuestion<V>): Promise<V> {
      const a = next(q.id);
      const c = q.choices.find((x) => String(x.value) === String(a));
      if (!c) throw new Error(`fake prompter: ${String(a)} is not a choice of ${q.id}`);
      return c.value;
    },
    async checkbox<V>(q: CheckboxQuestion<V>): Promise<V[]> {
      const a = next(q.id) as string[];
      const chosen = q.choices.filter((c) => a.includes(String(c.value)) && c.disabled === undefined).map((c) => c.value);
      const ok = q.validate ? q.validate(chosen) : true;
      if (ok !== true) throw new Error(`fake prompter: ${q.id} refused ${a.join(',')}: ${ok}`);
      return chosen;
    },
    async input(q: InputQuestion): Promise<string> {
      for (;;) {
        const last = (queues.get(q.id)?.length ?? 0) <= 1;
        const a = next(q.id);
        const value = String(a);
        const typed = value === '' && q.default !== undefined ? q.default : value;
        explained.push({ id: q.id, value: typed, meaning: q.explain?.(typed) });
        const ok = q.validate ? q.validate(typed) : true;
        if (ok === true) return typed;
        rejected.push({ id: q.id, value: typed, reason: ok });
        if (last) throw new Error(`fake prompter: ${q.id} refused its last answer "${typed}": ${ok}`);
      }
    },
    async confirm(q: ConfirmQuestion): Promise<boolean> {
      return Boolean(next(q.id));
    },
    note(text: string) {
      notes.push(text);
    },
  };
}
