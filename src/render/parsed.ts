import Handlebars from 'handlebars';

/**
 * Parsed templates handed from the lint to the compiler, so a generation parses each template once
 * (parsing is most of Handlebars' compile time). An entry is taken by the first compile that wants
 * it and never reused, since compiling may annotate the tree; `forgetParsed` drops what no compile
 * took (templates of blueprints the profile does not enable).
 */
const parsed = new Map<string, hbs.AST.Program>();

export function parseTemplate(source: string): hbs.AST.Program {
  let ast = parsed.get(source);
  if (!ast) {
    ast = Handlebars.parse(source);
    parsed.set(source, ast);
  }
  return ast;
}

export function takeParsed(source: string): hbs.AST.Program | undefined {
  const ast = parsed.get(source);
  parsed.delete(source);
  return ast;
}

export function forgetParsed(): void {
  parsed.clear();
}
