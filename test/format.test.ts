import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Diagnostic, FileResult } from '../src/validate/diagnostic.js';
import { formatGithub } from '../src/validate/format/github.js';
import { formatJson } from '../src/validate/format/json.js';
import { formatJunit } from '../src/validate/format/junit.js';
import { formatSarif } from '../src/validate/format/sarif.js';
import { formatText } from '../src/validate/format/text.js';
import { resultOf, validateText } from '../src/validate/validate-profile.js';

const FIXTURE = readFileSync(new URL('fixtures/kota-banjar.yaml', import.meta.url), 'utf8');
const TODAY = new Date('2026-06-01');

const diag = (over: Partial<Diagnostic>): Diagnostic => ({
  rule: 'nip',
  severity: 'error',
  message: 'NIP tidak sah',
  hint: 'periksa NIP',
  path: '/signatories/1/nip',
  line: 3,
  column: 9,
  ...over,
});

/** Two files: one with an error, a warning and a file-level problem with hostile characters, one clean. */
const TRICKY_FILE = 'profil <&"\'> a:b,c%d.yaml';
const RESULTS: FileResult[] = [
  resultOf(
    TRICKY_FILE,
    [
      diag({ message: 'nilai `<a & "b">` salah, 100% yakin:\nbaris kedua', hint: 'tulis \'x\' & "y" < z' }),
      diag({ rule: 'village-name', severity: 'warning', path: '/villages/details/0/name', line: 5, column: 3, message: 'nama desa berbeda', hint: '' }),
      diag({ rule: 'file-binary', path: '', line: 0, column: 0, message: 'berkas biner\u0001\ud800 \uffff', hint: undefined }),
    ],
    false,
  ),
  resultOf('ok.yaml', [], false),
];

describe('json', () => {
  it('has exactly the shape of the design, keys in order, hint always a string', () => {
    const parsed = JSON.parse(formatJson(RESULTS)) as { files: Record<string, unknown>[] };
    expect(Object.keys(parsed)).toEqual(['files']);
    expect(parsed.files).toHaveLength(2);
    for (const f of parsed.files) {
      expect(Object.keys(f)).toEqual(['file', 'valid', 'diagnostics']);
      for (const d of f.diagnostics as Record<string, unknown>[]) {
        expect(Object.keys(d)).toEqual(['rule', 'severity', 'message', 'path', 'line', 'column', 'hint']);
        expect(typeof d.hint).toBe('string');
      }
    }
    expect(parsed.files[0]).toEqual({
      file: TRICKY_FILE,
      valid: false,
      diagnostics: [
        { rule: 'nip', severity: 'error', message: 'nilai `<a & "b">` salah, 100% yakin:\nbaris kedua', path: '/signatories/1/nip', line: 3, column: 9, hint: 'tulis \'x\' & "y" < z' },
        { rule: 'village-name', severity: 'warning', message: 'nama desa berbeda', path: '/villages/details/0/name', line: 5, column: 3, hint: '' },
        { rule: 'file-binary', severity: 'error', message: 'berkas biner\u0001\ud800 \uffff', path: '', line: 0, column: 0, hint: '' },
      ],
    });
    expect(parsed.files[1]).toEqual({ file: 'ok.yaml', valid: true, diagnostics: [] });
  });

  it('carries a real schema finding with its JSON pointer and 1-based position', () => {
    const r = validateText('regency.yaml', FIXTURE.replace('  code: "32.79"\n', '  code: 32.79\n'), { lang: 'en', today: TODAY });
    const parsed = JSON.parse(formatJson([r])) as { files: { diagnostics: Diagnostic[] }[] };
    expect(parsed.files[0]!.diagnostics).toEqual([expect.objectContaining({ rule: 'schema', path: '/regency/code', line: 7, column: 9 })]);
  });
});

// ---- a tiny, strict XML 1.0 reader: enough to prove the JUnit report is well-formed ----

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}
function isNameChar(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c === '-' || c === '_' || c === ':' || c === '.';
}

/** Parses a document with one root element; throws on anything not well-formed. */
function parseXml(xml: string): XmlElement {
  for (const ch of xml) if (!isXmlChar(ch.codePointAt(0)!)) throw new Error(`character U+${ch.codePointAt(0)!.toString(16)} is not allowed in XML`);
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at offset ${i}: ${JSON.stringify(xml.slice(i, i + 40))}`);
  };
  const decode = (raw: string, inAttr: boolean): string => {
    let out = '';
    for (let k = 0; k < raw.length; k++) {
      const c = raw[k]!;
      if (c === '<') fail('raw < in ' + (inAttr ? 'attribute' : 'text'));
      if (inAttr && c === '"') fail('raw " in attribute');
      if (c !== '&') {
        out += c;
        continue;
      }
      const end = raw.indexOf(';', k);
      if (end < 0) fail('unterminated entity');
      const name = raw.slice(k + 1, end);
      if (name.startsWith('#x')) out += String.fromCodePoint(parseInt(name.slice(2), 16));
      else if (name.startsWith('#')) out += String.fromCodePoint(parseInt(name.slice(1), 10));
      else if (name in ENTITIES) out += ENTITIES[name];
      else fail(`unknown entity &${name};`);
      k = end;
    }
    return out;
  };
  const skipSpace = () => {
    while (i < xml.length && ' \t\r\n'.includes(xml[i]!)) i++;
  };
  const name = (): string => {
    const start = i;
    while (i < xml.length && isNameChar(xml[i]!)) i++;
    if (i === start) fail('expected a name');
    return xml.slice(start, i);
  };
  const element = (): XmlElement => {
    if (xml[i] !== '<') fail('expected <');
    i++;
    const el: XmlElement = { name: name(), attrs: {}, children: [], text: '' };
    for (;;) {
      skipSpace();
      if (xml.startsWith('/>', i)) {
        i += 2;
        return el;
      }
      if (xml[i] === '>') {
        i++;
        break;
      }
      const attr = name();
      if (attr in el.attrs) fail(`duplicate attribute ${attr}`);
      if (xml[i] !== '=' || xml[i + 1] !== '"') fail('expected ="');
      const end = xml.indexOf('"', i + 2);
      if (end < 0) fail('unterminated attribute');
      el.attrs[attr] = decode(xml.slice(i + 2, end), true);
      i = end + 1;
    }
    for (;;) {
      const next = xml.indexOf('<', i);
      if (next < 0) fail(`unclosed <${el.name}>`);
      el.text += decode(xml.slice(i, next), false);
      i = next;
      if (xml.startsWith('</', i)) {
        i += 2;
        const closing = name();
        if (closing !== el.name) fail(`</${closing}> closes <${el.name}>`);
        skipSpace();
        if (xml[i] !== '>') fail('expected >');
        i++;
        return el;
      }
      el.children.push(element());
    }
  };
  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end < 0) fail('unterminated declaration');
    i = end + 2;
  }
  skipSpace();
  const root = element();
  skipSpace();
  if (i !== xml.length) fail('content after the root element');
  return root;
}

describe('the XML reader used here', () => {
  it('refuses what is not well-formed', () => {
    expect(() => parseXml('<a><b></a>')).toThrow(/closes/);
    expect(() => parseXml('<a x="1 & 2"/>')).toThrow(/entity/);
    expect(() => parseXml('<a>1 < 2</a>')).toThrow();
    expect(() => parseXml('<a x="<"/>')).toThrow(/raw </);
    expect(() => parseXml('<a>\u0001</a>')).toThrow(/not allowed/);
    expect(() => parseXml('<a/><b/>')).toThrow(/after the root/);
    expect(parseXml('<a x="&lt;&amp;&quot;">t &#x41;<b/></a>')).toEqual({ name: 'a', attrs: { x: '<&"' }, text: 't A', children: [{ name: 'b', attrs: {}, text: '', children: [] }] });
  });
});

describe('junit', () => {
  it('is well-formed XML with one testsuite per file and escaped text', () => {
    const xml = formatJunit(RESULTS, false);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    const root = parseXml(xml);
    expect(root.name).toBe('testsuites');
    expect(root.attrs).toMatchObject({ tests: '4', failures: '2' });
    expect(root.children.map((s) => [s.name, s.attrs.name])).toEqual([
      ['testsuite', TRICKY_FILE],
      ['testsuite', 'ok.yaml'],
    ]);
    const [tricky, ok] = root.children as [XmlElement, XmlElement];
    expect(tricky.attrs).toMatchObject({ tests: '3', failures: '2' });
    expect(tricky.children.map((c) => c.name)).toEqual(['testcase', 'testcase', 'testcase']);
    const [nip, village, binary] = tricky.children as [XmlElement, XmlElement, XmlElement];
    expect(nip.attrs).toMatchObject({ classname: TRICKY_FILE, file: TRICKY_FILE, line: '3' });
    expect(nip.attrs.name).toBe('nip /signatories/1/nip (3:9)');
    const failure = nip.children[0]!;
    expect(failure.name).toBe('failure');
    expect(failure.attrs.type).toBe('nip');
    expect(failure.attrs.message).toBe('nilai `<a & "b">` salah, 100% yakin:\nbaris kedua');
    expect(failure.text).toContain(`${TRICKY_FILE}:3:9 nilai \`<a & "b">\``);
    expect(failure.text).toContain('tulis \'x\' & "y" < z');
    // A warning is reported, but does not fail the suite unless --strict.
    expect(village.children.map((c) => c.name)).toEqual(['system-out']);
    expect(village.children[0]!.text).toMatch(/^warning: /);
    // Characters XML cannot carry are replaced, never written raw.
    expect(binary.children[0]!.attrs.message).toBe('berkas biner\ufffd\ufffd \ufffd');
    expect(ok.attrs).toMatchObject({ tests: '1', failures: '0' });
    expect(ok.children).toEqual([{ name: 'testcase', attrs: { classname: 'ok.yaml', name: 'profile' }, children: [], text: '' }]);
  });

  it('fails warnings too under --strict', () => {
    const root = parseXml(formatJunit(RESULTS, true));
    expect(root.attrs.failures).toBe('3');
    expect(root.children[0]!.children[1]!.children.map((c) => c.name)).toEqual(['failure']);
  });

  it('keeps an emoji whole and replaces a lone surrogate from a YAML escape', () => {
    // `\ud800` in a double-quoted YAML string is a lone surrogate; the value is echoed (shortened)
    // in the pattern message, and the shortening must not cut one of the emoji in half.
    const value = `x\\ud800${'🏙'.repeat(60)}`;
    const r = validateText('regency.yaml', FIXTURE.replace('    postcode: "46311"\n', `    postcode: "${value}"\n`), { lang: 'en', today: TODAY });
    const [d, ...rest] = r.diagnostics;
    expect(rest).toEqual([]);
    expect(d?.path).toBe('/regency/letterhead/postcode');
    expect(d?.message.match(/[\uD800-\uDFFF]/gu)).toEqual(['\ud800']);
    expect(d?.message).toBe(`\`x\ud800${'🏙'.repeat(55)}…\` is not in the expected format`);
    const failure = parseXml(formatJunit([r], false)).children[0]!.children[0]!.children[0]!;
    expect(failure.attrs.message).toBe(d!.message.replace('\ud800', '\ufffd'));
  });
});

describe('sarif', () => {
  const sarif = JSON.parse(formatSarif(RESULTS, 'en', '9.9.9')) as {
    $schema: string;
    version: string;
    runs: {
      tool: { driver: { name: string; version: string; rules: { id: string; shortDescription: { text: string } }[] } };
      results: {
        ruleId: string;
        level: string;
        message: { text: string };
        locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number; startColumn: number } }; logicalLocations?: { fullyQualifiedName: string }[] }[];
      }[];
    }[];
  };

  it('is SARIF 2.1.0 with one run of the eoffice tool and its rules', () => {
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
    expect(sarif.runs).toHaveLength(1);
    const { driver } = sarif.runs[0]!.tool;
    expect(driver).toMatchObject({ name: 'eoffice', version: '9.9.9' });
    expect(driver.rules.map((r) => r.id)).toEqual(['file-binary', 'nip', 'village-name']);
    for (const r of driver.rules) expect(r.shortDescription.text, r.id).not.toBe(r.id);
    expect(driver.rules.find((r) => r.id === 'file-binary')!.shortDescription.text).toBe('The profile file reads as one YAML document');
  });

  it('gives each finding a level, a message and a location with a region when it has a line', () => {
    const results = sarif.runs[0]!.results;
    expect(results).toHaveLength(3);
    const ids = new Set(sarif.runs[0]!.tool.driver.rules.map((r) => r.id));
    for (const r of results) expect(ids.has(r.ruleId)).toBe(true);
    const [nip, village, binary] = results as [(typeof results)[0], (typeof results)[0], (typeof results)[0]];
    expect(nip).toMatchObject({ ruleId: 'nip', level: 'error' });
    expect(nip.message.text).toContain('nilai `<a & "b">` salah');
    expect(nip.locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: "profil%20%3C%26%22'%3E%20a%3Ab%2Cc%25d.yaml" }, region: { startLine: 3, startColumn: 9 } });
    expect(decodeURIComponent(nip.locations[0]!.physicalLocation.artifactLocation.uri)).toBe(TRICKY_FILE);
    expect(nip.locations[0]!.logicalLocations).toEqual([{ fullyQualifiedName: '/signatories/1/nip', kind: 'member' }]);
    expect(village).toMatchObject({ ruleId: 'village-name', level: 'warning' });
    expect(village.locations[0]!.physicalLocation.region).toEqual({ startLine: 5, startColumn: 3 });
    expect(binary.locations[0]!.physicalLocation.region).toBeUndefined();
  });

  it.each([
    ['profiles\\a.yaml', 'profiles/a.yaml'],
    ['profiles/kab sumedang/regency.yaml', 'profiles/kab%20sumedang/regency.yaml'],
    ['/home/ci/profil 100%.yaml', 'file:///home/ci/profil%20100%25.yaml'],
    ['C:\\work\\regency.yaml', 'file:///C:/work/regency.yaml'],
  ])('writes the path %s as the URI reference %s', (file, uri) => {
    const log = JSON.parse(formatSarif([resultOf(file, [diag({})], false)], 'id', '1.0.0')) as typeof sarif;
    expect(log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe(uri);
    expect(() => new URL(uri, 'file:///repo/')).not.toThrow();
  });
});

describe('github', () => {
  const lines = formatGithub(RESULTS).split('\n');

  it('writes one workflow command per finding, escaping properties and data', () => {
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(0, -1)).toEqual([
      '::error file=profil <&"\'> a%3Ab%2Cc%25d.yaml,line=3,col=9,title=eoffice nip::nilai `<a & "b">` salah, 100%25 yakin:%0Abaris kedua — tulis \'x\' & "y" < z',
      '::warning file=profil <&"\'> a%3Ab%2Cc%25d.yaml,line=5,col=3,title=eoffice village-name::nama desa berbeda',
      '::error file=profil <&"\'> a%3Ab%2Cc%25d.yaml,title=eoffice file-binary::berkas biner\u0001\ud800 \uffff',
    ]);
  });

  it('escapes a carriage return and a title with : and ,', () => {
    const out = formatGithub([resultOf('a.yaml', [diag({ rule: 'x:y,z', message: 'a\r\nb' })], false)]);
    expect(out).toBe('::error file=a.yaml,line=3,col=9,title=eoffice x%3Ay%2Cz::a%0D%0Ab — periksa NIP\n');
  });

  it('prints nothing for clean files', () => {
    expect(formatGithub([resultOf('ok.yaml', [], false)])).toBe('');
  });
});

describe('text', () => {
  const source = ['apiVersion: eoffice/v1', 'regency:', '  code: 32.79', '\tname:\tx', '  code: "x"'].join('\n') + '\n';
  const results = [
    resultOf('regency.yaml', [diag({ rule: 'schema', message: 'jenis nilai salah', hint: 'beri tanda kutip', line: 3, column: 9 }), diag({ rule: 'tab', severity: 'warning', message: 'tab', hint: '', line: 4, column: 8 })], false),
    resultOf('missing.yaml', [diag({ rule: 'file-missing', message: 'berkas tidak ditemukan', hint: 'periksa path-nya', line: 0, column: 0 })], false),
  ];
  const sources = new Map([['regency.yaml', source]]);

  it('prints file:line:col severity rule message, the source line, a caret under the column and the hint', () => {
    const out = formatText(results, 'id', { color: false }, sources).split('\n');
    expect(out.slice(0, 4)).toEqual(['regency.yaml:3:9 galat schema jenis nilai salah', '    3 |   code: 32.79', '      |         ^', '      saran: beri tanda kutip']);
    const caret = out[2]!.indexOf('^');
    expect(out[1]![caret]).toBe('3');
    expect(out[1]!.slice(caret)).toBe('32.79');
  });

  it('keeps a tab in the caret line so the caret stays under the column', () => {
    const out = formatText(results, 'en', { color: false }, sources).split('\n');
    expect(out[4]).toBe('regency.yaml:4:8 warning tab tab');
    expect(out[5]).toBe('    4 | \tname:\tx');
    expect(out[6]).toBe('      | \t     \t^');
  });

  it('names a file-level problem without a position or source line, and sums up', () => {
    const out = formatText(results, 'en', { color: false }, sources).split('\n');
    expect(out.slice(7)).toEqual([
      'missing.yaml error file-missing berkas tidak ditemukan',
      '      hint: periksa path-nya',
      '2 file(s) checked: 0 valid, 2 invalid; 2 error(s), 1 warning(s)',
      '',
    ]);
  });

  it('has no ANSI escape codes unless colour is asked for', () => {
    expect(formatText(results, 'id', { color: false }, sources)).not.toMatch(/\u001b/);
    const coloured = formatText(results, 'id', { color: true }, sources);
    expect(coloured).toMatch(/\u001b\[1;31mgalat\u001b\[0m/);
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, '')).toBe(formatText(results, 'id', { color: false }, sources));
  });

  it('sums up a clean run in Bahasa Indonesia', () => {
    expect(formatText([resultOf('ok.yaml', [], false)], 'id', { color: false }, new Map())).toBe('1 berkas diperiksa: 1 sah, 0 tidak sah; 0 galat, 0 peringatan\n');
  });
});
