import type { Lang } from '../i18n/lang.js';

/** Every question `upgrade` and `fleet upgrade` ask, in one place, so tests can answer them. */
export type Confirm = (message: string, lang: Lang) => Promise<boolean>;

export const confirmApply: Confirm = async (message) => {
  const { confirm } = await import('@inquirer/prompts');
  try {
    return await confirm({ message, default: false });
  } catch (err) {
    // Ctrl+C at the question is a "no", quietly.
    if (err instanceof Error && err.name === 'ExitPromptError') return false;
    throw err;
  }
};
