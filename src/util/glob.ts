/**
 * Glob patterns of blueprint manifests, as regular expressions: `**` any depth (including none),
 * `*` and `?` within one path segment, `{a,b}` alternatives. Paths use `/`.
 */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slash = glob[i + 2] === '/';
        re += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else {
        re += '[^/]*';
      }
    } else if (c === '?') {
      re += '[^/]';
    } else if (c === '{') {
      const close = glob.indexOf('}', i);
      if (close < 0) {
        re += '\\{';
        continue;
      }
      re += '(?:' + glob.slice(i + 1, close).split(',').map(escape).join('|') + ')';
      i = close;
    } else {
      re += escape(c);
    }
  }
  return new RegExp(`^${re}$`);
}

function escape(s: string): string {
  return s.replace(/[.+^${}()|[\]\\]/g, '\\$&');
}

const compiled = new Map<string, RegExp>();

export function matchesGlob(path: string, glob: string): boolean {
  let re = compiled.get(glob);
  if (!re) compiled.set(glob, (re = globToRegExp(glob)));
  return re.test(path);
}
