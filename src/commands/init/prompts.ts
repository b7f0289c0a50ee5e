/**
 * Every question `eoffice init` asks goes through this one interface. The terminal implementation
 * draws it with @inquirer/prompts (loaded only when a question is asked); tests pass their own
 * answers through `answeringPrompter`-like fakes. Each question carries an `id`, so a fake answers
 * by id, not by the wording, which changes with the language.
 */
import type { Lang } from '../../i18n/lang.js';

export interface Choice<V> {
  value: V;
  name: string;
  /** What the answer line shows once chosen; the name by default. */
  short?: string;
  description?: string;
  checked?: boolean;
  /** A reason shown beside a choice that cannot be picked. */
  disabled?: string;
}

export type Validate<T> = (value: T) => true | string;

export interface SearchQuestion<V> {
  id: string;
  message: string;
  source: (term: string) => Choice<V>[];
}
export interface SelectQuestion<V> {
  id: string;
  message: string;
  choices: Choice<V>[];
  default?: V;
}
export interface CheckboxQuestion<V> {
  id: string;
  message: string;
  choices: Choice<V>[];
  validate?: Validate<readonly V[]>;
}
export interface InputQuestion {
  id: string;
  message: string;
  default?: string;
  validate?: Validate<string>;
  /** What the typed text means, shown beside it as the person types (a NIP explained, a golongan's pangkat). */
  explain?: (value: string) => string | undefined;
}
export interface ConfirmQuestion {
  id: string;
  message: string;
  default?: boolean;
}

export interface Prompter {
  search<V>(q: SearchQuestion<V>): Promise<V>;
  select<V>(q: SelectQuestion<V>): Promise<V>;
  checkbox<V>(q: CheckboxQuestion<V>): Promise<V[]>;
  input(q: InputQuestion): Promise<string>;
  confirm(q: ConfirmQuestion): Promise<boolean>;
  /** A line between questions: an explanation, the rows an import rejected. */
  note(text: string): void;
}

const KEY_WORDS: Record<string, string> = { navigate: 'pindah', select: 'pilih', submit: 'selesai', all: 'semua', invert: 'balik' };

/** The key help under a list, in the wizard's language. */
function theme(lang: Lang) {
  if (lang === 'en') return {};
  return {
    style: {
      keysHelpTip: (keys: [string, string][]) => keys.map(([key, action]) => `${key} ${KEY_WORDS[action] ?? action}`).join(' • '),
    },
    i18n: { disabledError: 'Pilihan ini tidak dapat diubah.' },
  };
}

/** The terminal: @inquirer/prompts on standard input and output. */
export function terminalPrompter(lang: Lang, write: (text: string) => void): Prompter {
  const load = () => import('@inquirer/prompts');
  const norm = <V>(choices: Choice<V>[]) =>
    choices.map((c) => ({
      value: c.value,
      name: c.name,
      ...(c.short !== undefined ? { short: c.short } : {}),
      ...(c.description !== undefined ? { description: c.description } : {}),
      ...(c.checked !== undefined ? { checked: c.checked } : {}),
      ...(c.disabled !== undefined ? { disabled: c.disabled } : {}),
    }));
  return {
    async search<V>(q: SearchQuestion<V>): Promise<V> {
      const { search } = await load();
      return (await search<V>({ message: q.message, source: (term) => norm(q.source(term ?? '')), pageSize: 10, theme: theme(lang) })) as V;
    },
    async select<V>(q: SelectQuestion<V>): Promise<V> {
      const { select } = await load();
      return (await select<V>({ message: q.message, choices: norm(q.choices), ...(q.default !== undefined ? { default: q.default } : {}), pageSize: 12, theme: theme(lang) })) as V;
    },
    async checkbox<V>(q: CheckboxQuestion<V>): Promise<V[]> {
      const { checkbox } = await load();
      const validate = q.validate;
      return (await checkbox<V>({
        message: q.message,
        choices: norm(q.choices),
        pageSize: 12,
        theme: theme(lang),
        ...(validate ? { validate: (chosen: readonly { value: V }[]) => validate(chosen.map((c) => c.value)) } : {}),
      })) as V[];
    },
    async input(q: InputQuestion): Promise<string> {
      const { input } = await load();
      const explain = q.explain;
      return input({
        message: q.message,
        ...(q.default !== undefined ? { default: q.default } : {}),
        ...(q.validate ? { validate: q.validate } : {}),
        ...(explain
          ? {
              transformer: (value: string) => {
                const meaning = value.trim() === '' ? undefined : explain(value.trim());
                return meaning ? `${value}  (${meaning})` : value;
              },
            }
          : {}),
      });
    },
    async confirm(q: ConfirmQuestion): Promise<boolean> {
      const { confirm } = await load();
      return confirm({
        message: q.message,
        ...(q.default !== undefined ? { default: q.default } : {}),
        transformer: (yes: boolean) => (lang === 'id' ? (yes ? 'Ya' : 'Tidak') : yes ? 'Yes' : 'No'),
      });
    },
    note(text: string) {
      write(text.endsWith('\n') ? text : `${text}\n`);
    },
  };
}

/** Ctrl+C in a prompt: @inquirer's ExitPromptError, known by name so the module need not be loaded. */
export function isPromptExit(err: unknown): boolean {
  return err instanceof Error && (err.name === 'ExitPromptError' || err.name === 'AbortPromptError');
}
