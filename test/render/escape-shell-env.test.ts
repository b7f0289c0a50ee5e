import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EncodeError, envValue, shellWord } from '../../src/render/escape.js';
import { readComposeV2, readComposeV213, readSystemd } from './env-readers.js';

const TRICKY = [
  "'", '"', '\\', '$', '`', '#', ';', '&', '|', '<', '>', '(', ')', '{', '}', '[', ']', '*', '?', '~', '!', '=', '%', ' ', '\t', '\n', '\r',
  '\x07', '\x1b', '\x7f', '\x85', '\u00a0', '\u2028', '\ufeff', 'é', '😀', '-', ':', ',', '.', '/', '@', '+', '^',
];
const unit = fc.oneof(fc.constantFrom(...TRICKY), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }));
const noNul = (s: string) => !s.includes('\0');

/** Runs the word through a real POSIX shell: how many words it makes, and what they are. */
function throughShell(shell: string, word: string): string {
  return execFileSync(shell, ['-c', `set -- ${word}; printf '%s' "$#"; printf '|%s' "$@"`], { encoding: 'utf8' });
}

describe('shellWord', () => {
  it.each([
    ['', "''"],
    ['eoffice', 'eoffice'],
    ['/var/lib/eoffice', '/var/lib/eoffice'],
    ['https://eoffice.banjarkota.go.id', 'https://eoffice.banjarkota.go.id'],
    ['a b', "'a b'"],
    ["it's", "'it'\\''s'"],
    ['$HOME', "'$HOME'"],
    ['a=b', "'a=b'"],
    ['~', "'~'"],
    ['*', "'*'"],
  ])('%j → %s', (value, word) => {
    expect(shellWord(value)).toBe(word);
  });

  it.each(["it's", '$(id)', '`id`', 'a b', '*', 'x\ny', '', "'", "''", '\\', '-n', '!', 'a;b', '~root', 'é 😀'])('%j survives sh and bash as one word', (s) => {
    expect(throughShell('sh', shellWord(s))).toBe(`1|${s}`);
    expect(throughShell('bash', shellWord(s))).toBe(`1|${s}`);
  });

  it('round-trips any string through sh as exactly one word (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 30 }).filter(noNul), (s) => {
        expect(throughShell('sh', shellWord(s))).toBe(`1|${s}`);
      }),
      { numRuns: 150 },
    );
  });

  it('writes numbers as words and refuses the rest', () => {
    expect(shellWord(8080)).toBe('8080');
    expect(shellWord(-1.5)).toBe('-1.5');
    expect(shellWord(10n)).toBe('10');
    for (const v of [undefined, null, true, {}, [], NaN, Infinity]) expect(() => shellWord(v)).toThrow(EncodeError);
    expect(() => shellWord('a\0b')).toThrow(/NUL/);
    expect(() => shellWord('\uDC00')).toThrow(/lone surrogate/);
  });
});

describe('envValue', () => {
  const readers = { systemd: readSystemd, 'compose-go v2': readComposeV2, 'compose-go v2.13': readComposeV213 };
  const readBack = (value: string) =>
    Object.fromEntries(Object.entries(readers).map(([name, read]) => [name, read(`# generated\nA=one\nKEY=${envValue(value)}\nZ=last\n`)]));
  const expectRoundTrip = (value: string) => {
    for (const [name, env] of Object.entries(readBack(value))) {
      expect({ reader: name, value: env.get('KEY') }).toEqual({ reader: name, value });
      expect({ reader: name, a: env.get('A'), z: env.get('Z') }).toEqual({ reader: name, a: 'one', z: 'last' });
    }
  };

  it.each([
    ['eoffice', 'eoffice'],
    ['postgres://db:5432/eoffice', 'postgres://db:5432/eoffice'],
    ['', "''"],
    ['a b', "'a b'"],
    ['$HOME', "'$HOME'"],
    ['p@ss#word', "'p@ss#word'"],
    ['back\\slash', "'back\\slash'"],
    ['"quoted"', `'"quoted"'`],
    ["it's", `"it's"`],
    ["it's $5 \\ \"x\"", `"it's \\$5 \\\\ \\"x\\""`],
  ])('%j → %s', (value, text) => {
    expect(envValue(value)).toBe(text);
    expectRoundTrip(value);
  });

  it.each(['multi\nline', 'cr\r\nlf', ' lead and trail ', '#not a comment', "'", "a'b\nc", '`id`', '${X}', "it's ${X}", '\\n', "'\\n'", '\\"', "x'\\$y", 'tab\there', 'é 😀'])(
    '%j reads back identically in systemd and compose',
    (value) => expectRoundTrip(value),
  );

  it('round-trips any string it accepts through all three readers (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }).filter((s) => noNul(s) && !s.endsWith('\\')), (s) => {
        expectRoundTrip(s);
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses what the two readers cannot both read back', () => {
    expect(() => envValue('ends with \\')).toThrow(/ending in a backslash/);
    expect(() => envValue("it's \\")).toThrow(EncodeError);
    expect(() => envValue('a\0b')).toThrow(/NUL/);
    expect(() => envValue('\uD83D')).toThrow(/lone surrogate/);
    for (const v of [undefined, null, {}, [], NaN]) expect(() => envValue(v)).toThrow(EncodeError);
  });

  it('writes numbers and booleans bare', () => {
    expect(envValue(5432)).toBe('5432');
    expect(envValue(true)).toBe('true');
    expect(envValue(false)).toBe('false');
  });

  it('the reference readers themselves behave as their sources say', () => {
    // systemd: bare values unescape and trim; quotes concatenate; no interpolation.
    expect(readSystemd('K=a\\ b  \n').get('K')).toBe('a b');
    expect(readSystemd(`K='a'"b"c\n`).get('K')).toBe('abc');
    expect(readSystemd('K="\\n\\$"\n').get('K')).toBe('\\n$');
    // compose: ` #` starts a comment on a bare value, `\n` is a newline in double quotes, `$$` is `$`.
    expect(readComposeV2('K=a #c\n').get('K')).toBe('a');
    expect(readComposeV2('K="a\\nb"\n').get('K')).toBe('a\nb');
    expect(readComposeV2('K="\\$x $$y"\n').get('K')).toBe('$x $y');
    expect(() => readComposeV2('K=$HOME\n')).toThrow(/interpolate/);
    // the trailing-backslash trap envValue avoids
    expect(() => readComposeV2("K='a\\'\n")).toThrow(/unterminated/);
    expect(() => readComposeV213('K="a\\\\\\"\n')).toThrow(/unterminated/);
  });
});
