import type { Blueprint, BlueprintFile, FileRule } from '../blueprint/manifest.js';
import { createRenderer, type Renderer } from '../render/helpers.js';
import { TemplateError } from '../render/template-error.js';
import { matchesGlob } from '../util/glob.js';
import type { TemplateModel } from './model.js';
import type { RenderedFile } from './rendered.js';

/** A problem found while rendering, named by blueprint, template and line. */
export interface RenderProblem {
  blueprint: string;
  template: string;
  line: number;
  column: number;
  message: string;
}

export class RenderError extends Error {
  constructor(readonly problems: RenderProblem[]) {
    super(problems.map((p) => `${p.blueprint}/${p.template === 'blueprint.yaml' ? '' : 'files/'}${p.template}${p.line > 0 ? `:${p.line}:${p.column}` : ''} ${p.message}`).join('\n'));
  }
}

const TEMPLATE_SUFFIX = '.hbs';

export function isEnabled(blueprint: Blueprint, model: TemplateModel): boolean {
  const app = blueprint.manifest.app;
  return app === 'shared' || model.apps[app] !== undefined;
}

function ruleFor(path: string, rules: readonly FileRule[]): FileRule {
  return rules.find((r) => matchesGlob(path, r.match)) ?? { match: '**', policy: 'managed' };
}

/**
 * Strict Handlebars names only the last step of a missing path (`"code" not defined`); the
 * template's text at the error's place holds the whole path (`item.code`), which is what to fix.
 */
function withFullPath(detail: string, source: string | undefined, line: number, column: number): string {
  const missing = /^"([^"]+)" not defined/.exec(detail);
  if (!missing || source === undefined || line < 1 || column < 1) return detail;
  const token = /^[^\s{}()=|~]+/.exec(source.split('\n')[line - 1]?.slice(column - 1) ?? '')?.[0];
  return token && token !== missing[1] && token.endsWith(missing[1]!) ? detail.replace(`"${missing[1]}"`, `"${token}"`) : detail;
}

function positionOf(err: unknown, source?: string): { line: number; column: number; message: string } {
  if (err instanceof TemplateError) {
    const line = err.location?.line ?? 0;
    const column = err.location?.column ?? 0;
    const where = err.template.endsWith(' (path)') ? ' (in the file name)' : err.template.endsWith(' (when)') ? ' (in its `when:` rule)' : '';
    return { line, column, message: withFullPath(err.detail, source, line, column) + where };
  }
  return { line: 0, column: 0, message: err instanceof Error ? err.message : String(err) };
}

function safeOutputPath(path: string): boolean {
  return path !== '' && !path.startsWith('/') && !path.includes('\\') && path.split('/').every((s) => s !== '' && s !== '.' && s !== '..');
}

/**
 * A template's text, decoded once per file object: loaded blueprints are shared and read-only
 * (blueprint/load.ts), and the same string each time is also looked up in the compile cache
 * without hashing the whole text again.
 */
const texts = new WeakMap<Readonly<BlueprintFile>, string>();

function textOf(file: Readonly<BlueprintFile>): string {
  let text = texts.get(file);
  if (text === undefined) texts.set(file, (text = file.bytes.toString('utf8')));
  return text;
}

const collection = (model: TemplateModel, each: NonNullable<FileRule['each']>): readonly unknown[] => model[each];

/**
 * Renders every enabled blueprint against the model. Pure: files in, files out. Templates
 * (`*.hbs`) are compiled strict in an isolated Handlebars; other files pass through byte for byte.
 */
export function renderBlueprints(
  blueprints: readonly Blueprint[],
  model: TemplateModel,
  secrets: ReadonlyMap<string, string>,
  sources: ReadonlyMap<string, readonly BlueprintFile[]> = new Map(),
  renderer: Renderer = createRenderer(),
): RenderedFile[] {
  const out = new Map<string, RenderedFile>();
  const problems: RenderProblem[] = [];
  // A rule's `when:` gives one answer per item for every file it matches (the context is the same):
  // asked once per render. Only answers are kept; an error is met, and reported, per file.
  const whenAnswers = new Map<Readonly<FileRule>, Map<unknown, boolean>>();
  for (const bp of blueprints) {
    if (!isEnabled(bp, model)) continue;
    const { name, version } = bp.manifest;
    // Application source first; the blueprint's own files are overlaid on it.
    const overlaid = new Set<string>();
    for (const f of sources.get(name) ?? []) {
      const rule = ruleFor(f.path, bp.manifest.files);
      out.set(f.path, { path: f.path, content: f.bytes, mode: f.mode, policy: rule.policy ?? 'managed', blueprint: name, secret: false });
      overlaid.add(f.path);
    }
    for (const pointer of bp.manifest.requires ?? []) {
      const present = pointer.split('/').slice(1).reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), model.profile);
      if (present === undefined) problems.push({ blueprint: name, template: 'blueprint.yaml', line: 0, column: 0, message: `the profile has no ${pointer}, which this blueprint requires` });
    }
    const allowedSecrets = new Set(bp.manifest.secrets ?? []);
    const secretOf = (key: string) => {
      if (!allowedSecrets.has(key)) throw new Error(`secret "${key}" is not declared in ${name}/blueprint.yaml (secrets:)`);
      const value = secrets.get(key);
      if (value === undefined) throw new Error(`secret "${key}" was not generated`);
      return value;
    };
    for (const file of bp.files) {
      const isTemplate = file.path.endsWith(TEMPLATE_SUFFIX);
      const logical = isTemplate ? file.path.slice(0, -TEMPLATE_SUFFIX.length) : file.path;
      const rule = ruleFor(logical, bp.manifest.files);
      const fail = (err: unknown) => {
        const stage = err instanceof TemplateError ? / \((path|when)\)$/.exec(err.template)?.[1] : undefined;
        const pos = positionOf(err, stage === 'path' ? logical : stage === 'when' ? undefined : textOf(file));
        // One problem per place, not one per item of an `each` rule.
        if (!problems.some((p) => p.blueprint === name && p.template === file.path && p.line === pos.line && p.column === pos.column && p.message === pos.message)) {
          problems.push({ blueprint: name, template: file.path, ...pos });
        }
      };
      let pathTemplate: (ctx: object) => string;
      let body: ((ctx: object) => string) | undefined;
      let when: ((ctx: object) => string) | undefined;
      try {
        // A name without a mustache renders to itself: no template call per file and item.
        pathTemplate = logical.includes('{{') ? renderer.compile(logical, `${name}:${file.path} (path)`) : () => logical;
        body = isTemplate ? renderer.compile(textOf(file), `${name}:${file.path}`) : undefined;
        when = rule.when ? renderer.compile(`{{#if ${rule.when}}}1{{/if}}`, `${name}:${file.path} (when)`) : undefined;
      } catch (err) {
        fail(err);
        continue;
      }
      const items = rule.each ? collection(model, rule.each) : [undefined];
      for (const item of items) {
        const ctx = { ...model, blueprint: { name, version }, item };
        try {
          if (when) {
            let answers = whenAnswers.get(rule);
            if (!answers) whenAnswers.set(rule, (answers = new Map()));
            let wanted = answers.get(item);
            if (wanted === undefined) answers.set(item, (wanted = when(ctx) === '1'));
            if (!wanted) continue;
          }
          const path = pathTemplate(ctx);
          if (!safeOutputPath(path)) throw new Error(`the file name renders to "${path}", which is not a safe relative path`);
          const content = body ? Buffer.from(renderer.withSecrets(secretOf, () => body!(ctx)).replace(/\r\n/g, '\n'), 'utf8') : file.bytes;
          const mode = rule.secret ? 0o600 : rule.mode ? parseInt(rule.mode, 8) : file.mode & 0o111 ? 0o755 : 0o644;
          const prev = overlaid.has(path) ? undefined : out.get(path);
          if (prev) throw new Error(`${path} is written by both ${prev.blueprint} and ${name}`);
          out.set(path, { path, content, mode, policy: rule.policy ?? 'managed', blueprint: name, secret: rule.secret === true });
        } catch (err) {
          fail(err);
        }
      }
    }
  }
  if (problems.length > 0) throw new RenderError(problems);
  return [...out.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
