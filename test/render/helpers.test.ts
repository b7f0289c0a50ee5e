import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { RegencyProfile, Signatory } from '../../src/profile/types.generated.js';
import { checkTemplate, compileStrict, createRenderer, escapesHtml, registerHelpers, type Renderer } from '../../src/render/helpers.js';
import { HelperError, TemplateError } from '../../src/render/template-error.js';

const HELPERS = [
  'yaml', 'json', 'shell', 'env', 'sql', 'tanggal', 'tanggalPanjang', 'tanggalTerbilang', 'bulanRomawi', 'terbilang', 'nomorSurat', 'romawi', 'nip',
  'ttd', 'upper', 'lower', 'padStart', 'concat', 'join', 'eq', 'and', 'or', 'not', 'get', 'includes',
];

const renderer: Renderer = createRenderer();
const render = (source: string, context: unknown = {}, name = 'test.txt.hbs') => renderer.compile(source, name)(context);
const failure = (source: string, context: unknown = {}, name = 'test.txt.hbs'): TemplateError => {
  try {
    render(source, context, name);
  } catch (err) {
    expect(err).toBeInstanceOf(TemplateError);
    return err as TemplateError;
  }
  throw new Error(`expected ${source} to fail`);
};

describe('isolation', () => {
  it('registers on its own instance and never on the global Handlebars', () => {
    const before = Object.keys(Handlebars.helpers).sort();
    const r = createRenderer();
    for (const name of HELPERS) expect(r.handlebars.helpers[name], name).toBeTypeOf('function');
    expect(r.handlebars.helpers.secret).toBeTypeOf('function');
    expect(r.handlebars).not.toBe(Handlebars);
    expect(Object.keys(Handlebars.helpers).sort()).toEqual(before);
    for (const name of HELPERS) expect(Handlebars.helpers[name]).toBeUndefined();
    expect(() => Handlebars.compile('{{yaml x}}')({ x: 'a' })).toThrow(/Missing helper: "yaml"/);
  });

  it('refuses to register on the global instance', () => {
    expect(() => registerHelpers(Handlebars)).toThrow(/global Handlebars/);
    expect(Handlebars.helpers.yaml).toBeUndefined();
  });

  it('registerHelpers works on any isolated instance', () => {
    const hb = Handlebars.create();
    registerHelpers(hb);
    expect(compileStrict(hb, '{{upper x}}', 'a.txt')({ x: 'banjar' })).toBe('BANJAR');
  });

  it('two renderers do not share helpers or secrets', () => {
    const a = createRenderer();
    const b = createRenderer();
    a.handlebars.registerHelper('extra', () => 'x');
    expect(b.handlebars.helpers.extra).toBeUndefined();
    a.withSecrets(
      () => 's3cret',
      () => expect(() => b.compile('{{secret "db"}}', 'x.env')({})).toThrow(/outside a render that provides secrets/),
    );
  });

  it('a template compiled once serves every renderer, each with its own helpers and secrets', () => {
    // The compiled spec is cached per process by its text; the helpers it calls must still be
    // those of the renderer that compiled it this time.
    const source = 'DB_PASSWORD={{secret "db"}} {{upper kota}}\n';
    const a = createRenderer();
    const b = createRenderer();
    const fromA = a.withSecrets(() => 'alpha-secret', () => a.compile(source, 'x.env')({ kota: 'banjar' }));
    const fromB = b.withSecrets(() => 'beta-secret', () => b.compile(source, 'x.env')({ kota: 'jombang' }));
    expect(fromA).toBe('DB_PASSWORD=alpha-secret BANJAR\n');
    expect(fromB).toBe('DB_PASSWORD=beta-secret JOMBANG\n');
    // The escaping policy is part of what is cached: the same text as HTML is escaped.
    expect(a.compile('{{x}}', 'page.html')({ x: '<b>' })).toBe('&lt;b&gt;');
    expect(a.compile('{{x}}', 'page.md')({ x: '<b>' })).toBe('<b>');
  });
});

describe('strict compilation', () => {
  it('a missing value is an error naming the template, the path and the line', () => {
    const err = failure('line one\n{{regency.nama}}', { regency: { name: 'Kota Banjar' } }, 'eoffice:files/config.yaml.hbs');
    expect(err.message).toBe('eoffice:files/config.yaml.hbs:2:3: "nama" not defined');
    expect(err.template).toBe('eoffice:files/config.yaml.hbs');
    expect(err.location).toEqual({ line: 2, column: 3 });
  });

  it('inside a loop too', () => {
    const err = failure('{{#each opds}}\n  - {{code}} {{kode}}\n{{/each}}', { opds: [{ code: 'setda' }] });
    expect(err.message).toBe('test.txt.hbs:2:16: "kode" not defined');
  });

  it('a missing helper argument is caught by the helper (Handlebars passes undefined)', () => {
    const err = failure('{{#each opds}}\n  - {{yaml code}} {{yaml kode}}\n{{/each}}', { opds: [{ code: 'setda' }] });
    expect(err.message).toBe('test.txt.hbs:2:19: yaml: expected a value, got undefined (a missing field?)');
  });

  it('a path through a missing object is named, with its place', () => {
    const source = 'a\n{{#if (eq deployment.database.engine "postgresql")}}pg{{/if}}';
    const err = failure(source, { deployment: {} });
    expect(err.message).toMatch(/^test\.txt\.hbs:2:11: deployment\.database\.engine: a value before "engine" is not defined/);
    expect(failure('{{regency.letterhead.phone}}', { regency: {} }).message).toMatch(/^test\.txt\.hbs:1:3: "phone" not defined: the value before it is missing$/);
  });

  it('an unknown helper is an error at compile time (knownHelpersOnly)', () => {
    const err = failure('{{yam x}}', { x: 1 });
    expect(err.message).toMatch(/unknown helper yam/);
    expect(() => checkTemplate(renderer.handlebars, '{{tanggal x}} {{tangal x}}', 'doc.md.hbs')).toThrow(/doc\.md\.hbs:1:\d+: .*unknown helper tangal/);
    expect(() => renderer.check('{{tanggal x}}', 'doc.md.hbs')).not.toThrow();
  });

  it('a syntax error names the template and line, already when compiling', () => {
    expect(() => renderer.check('ok\n{{#if x}}\nno end', 'broken.yaml.hbs')).toThrow(/^broken\.yaml\.hbs:\d+: Parse error/);
    expect(() => renderer.compile('ok\n{{#if x}\n', 'broken.yaml.hbs')).toThrow(/^broken\.yaml\.hbs:2: Parse error on line 2/);
    expect(() => renderer.compile('{{nope 1}}', 'x.md')).toThrow(TemplateError);
  });

  it('an optional field can be tested with #if (Handlebars does not apply strict to helper arguments)', () => {
    expect(render('{{#if grant.bast}}bast{{else}}none{{/if}}', { grant: {} })).toBe('none');
  });

  it('does not reach into prototypes', () => {
    expect(() => render('{{x.constructor.name}}', { x: {} })).toThrow(TemplateError);
  });
});

describe('escaping policy by output type', () => {
  it('HTML-escapes only HTML pages', () => {
    expect(escapesHtml('docs/index.html.hbs')).toBe(true);
    expect(escapesHtml('docs/index.htm')).toBe(true);
    for (const p of ['deploy/compose/compose.yaml.hbs', 'seed/x.sql.hbs', '.env.hbs', 'install.sh.hbs', 'docs/BAST.md.hbs', 'nginx.conf.hbs', 'config.json.hbs']) {
      expect(escapesHtml(p), p).toBe(false);
    }
    const ctx = { v: `<b>"Tom & Jerry's"</b>` };
    expect(render('{{v}}', ctx, 'page.html.hbs')).toBe('&lt;b&gt;&quot;Tom &amp; Jerry&#x27;s&quot;&lt;/b&gt;');
    expect(render('{{v}}', ctx, 'notes.md.hbs')).toBe(ctx.v);
    expect(render('{{shell v}}', ctx, 'guide.html.hbs')).toBe('&#x27;&lt;b&gt;&quot;Tom &amp; Jerry&#x27;\\&#x27;&#x27;s&quot;&lt;/b&gt;&#x27;');
  });

  it('json is not HTML-escaped in a page (for a <script> element) and cannot close it', () => {
    const out = render('<script>const data = {{json v}};</script>', { v: { name: '</script><img>' } }, 'page.html.hbs');
    expect(out).toBe('<script>const data = {"name":"\\u003c/script><img>"};</script>');
  });
});

describe('context helpers', () => {
  it('yaml: a document that reads back as the model', () => {
    const ctx = { name: 'Kota Banjar', yes: 'yes', code: '32.79', n: 14, on: true, nothing: null, hash: 'a #b', multi: 'a\nb' };
    const out = render('name: {{yaml name}}\nanswer: {{yaml yes}}\ncode: {{yaml code}}\nn: {{yaml n}}\non: {{yaml on}}\nnothing: {{yaml nothing}}\nhash: {{yaml hash}}\nmulti: {{yaml multi}}\n', ctx, 'c.yaml.hbs');
    expect(parse(out)).toEqual({ name: 'Kota Banjar', answer: 'yes', code: '32.79', n: 14, on: true, nothing: null, hash: 'a #b', multi: 'a\nb' });
  });

  it('json with indent', () => {
    expect(render('{{json v indent=2}}', { v: [1] })).toBe('[\n  1\n]');
    expect(render('{{json v}}', { v: 'x' })).toBe('"x"');
  });

  it('shell and env', () => {
    expect(render('echo {{shell v}}', { v: "it's" }, 'a.sh.hbs')).toBe("echo 'it'\\''s'");
    expect(render('DB_PASSWORD={{env v}}', { v: 'p@ss w$rd' }, '.env.hbs')).toBe("DB_PASSWORD='p@ss w$rd'");
  });

  it('sql calls the seed literal encoder of each dialect', () => {
    expect(render(`{{sql v "postgresql"}}`, { v: "O'Brien" }, 'x.sql.hbs')).toBe("'O''Brien'");
    expect(render(`{{sql v "mysql"}}`, { v: 'a\\b' }, 'x.sql.hbs')).toBe("'a\\\\b'");
    expect(render(`{{sql v "postgresql"}}`, { v: null }, 'x.sql.hbs')).toBe('NULL');
    expect(render(`{{sql v "postgresql"}}`, { v: 7 }, 'x.sql.hbs')).toBe('7');
    expect(failure(`{{sql v "oracle"}}`, { v: 'x' }).message).toMatch(/sql: unknown dialect "oracle"/);
    expect(failure(`{{sql v "mysql"}}`, { v: {} }).message).toMatch(/sql: expected a string, a whole number or null, got an object/);
    expect(failure(`{{sql v "mysql"}}`, { v: 1.5 }).message).toMatch(/sql: expected a string/);
  });

  it.each([
    ['{{yaml missing.x}}', /yaml: expected a value, got undefined \(a missing field\?\)/],
    ['{{yaml obj}}', /yaml: yaml: expected a string, number, boolean or null, got an object/],
    ['{{json missing.x}}', /json: expected a value, got undefined/],
    ['{{shell obj}}', /shell: shell: expected a string or a finite number, got an object/],
    ['{{env missing.x}}', /env: env: expected a string, finite number or boolean, got undefined/],
    ['{{yaml}}', /yaml: expected 1 argument, got 0/],
    ['{{yaml 1 2}}', /yaml: expected 1 argument, got 2/],
    ['{{yaml 1 pretty=true}}', /yaml: unknown option pretty/],
  ])('%s fails naming the helper', (source, message) => {
    const err = failure(source, { obj: {}, missing: {} });
    expect(err.message).toMatch(message);
    expect(err.message).toMatch(/^test\.txt\.hbs:1:1: /);
    expect(err.cause).toBeInstanceOf(HelperError);
  });
});

describe('domain helpers', () => {
  it('dates', () => {
    const ctx = { d: '2026-03-17' };
    expect(render('{{tanggal d}}', ctx)).toBe('17 Maret 2026');
    expect(render('{{tanggalPanjang d}}', ctx)).toBe('Selasa, 17 Maret 2026');
    expect(render('{{tanggalTerbilang d}}', ctx)).toBe('Pada hari ini Selasa tanggal tujuh belas bulan Maret tahun dua ribu dua puluh enam');
    expect(render('{{tanggalTerbilang d opening=false}}', ctx)).toBe('Selasa tanggal tujuh belas bulan Maret tahun dua ribu dua puluh enam');
    expect(render('{{bulanRomawi d}} {{bulanRomawi 11}}', ctx)).toBe('III XI');
  });

  it('date errors name the helper', () => {
    expect(failure('{{tanggal d}}', { d: '2023-02-29' }).message).toMatch(/tanggal: "2023-02-29": Februari 2023 has no day 29/);
    expect(failure('{{tanggal d}}', { d: 20260317 }).message).toMatch(/tanggal: expected a date "YYYY-MM-DD", got the number 20260317/);
    expect(failure('{{tanggalPanjang d}}', { d: new Date(0) }).message).toMatch(/tanggalPanjang: expected a date "YYYY-MM-DD", got a Date object/);
    expect(failure('{{tanggalTerbilang d opening="no"}}', { d: '2026-03-17' }).message).toMatch(/tanggalTerbilang: opening must be true or false/);
  });

  it('terbilang, rupiah and case', () => {
    expect(render('{{terbilang n}}', { n: 1_250_000 })).toBe('satu juta dua ratus lima puluh ribu');
    expect(render('{{terbilang n rupiah=true case="title"}}', { n: 1_500_000 })).toBe('Satu Juta Lima Ratus Ribu Rupiah');
    expect(render('{{terbilang "2022"}}')).toBe('dua ribu dua puluh dua');
    expect(failure('{{terbilang n}}', { n: 1.5 }).message).toMatch(/terbilang: expected a whole number, got the number 1.5/);
    expect(failure('{{terbilang n}}', { n: '12a' }).message).toMatch(/terbilang: expected a whole number, got the string "12a"/);
    expect(failure('{{terbilang n case="loud"}}', { n: 1 }).message).toMatch(/terbilang: case must be one of lower, upper, title, sentence/);
    expect(failure('{{terbilang n}}', { n: 1e15 }).message).toMatch(/terbilang: terbilang: 1000000000000000 is outside/);
  });

  it('nomorSurat composes any valid pattern as the applications do', () => {
    const ctx = { pola: '{klasifikasi}/{nomor}/{unit}/{bulanRomawi}/{tahun}', d: '2026-02-07' };
    expect(render('{{nomorSurat pola klasifikasi="000.1" nomor=15 unit="DISKOMINFO" tanggal=d}}', ctx)).toBe('000.1/15/DISKOMINFO/II/2026');
    expect(render('{{nomorSurat "{nomor}-{unit}-{klasifikasi}-{bulan}-{tahun}" klasifikasi="400.5" nomor=7 unit="SETDA" tahun=2025 bulan=11 padding=3}}')).toBe('007-SETDA-400.5-11-2025');
    expect(render('{{nomorSurat "{klasifikasi}/{nomor}/{kodeDesa}/{tahun}" klasifikasi="000.1" nomor=15 desa="32.11.01.2001" tanggal="2026-01-05"}}')).toBe('000.1/15/2001/2026');
  });

  it('nomorSurat refuses what the applications would refuse, naming the reason', () => {
    expect(failure('{{nomorSurat "{klasifikasi}/{no}/{tahun}" klasifikasi="000.1" nomor=1 tahun=2026 bulan=1}}').message).toMatch(/nomorSurat: the pattern "\{klasifikasi\}\/\{no\}\/\{tahun\}" has unknown tokens \{no\}/);
    expect(failure('{{nomorSurat "{klasifikasi}/{nomor}/{unit}/{tahun}" klasifikasi="000.1" nomor=1 tahun=2026 bulan=1}}').message).toMatch(/the pattern has \{unit\}: give unit=/);
    expect(failure('{{nomorSurat "{klasifikasi}/{nomor}/{kodeDesa}/{tahun}" klasifikasi="000.1" nomor=1 tahun=2026 bulan=1}}').message).toMatch(/give desa="PP.KK.CC.NNNN"/);
    expect(failure('{{nomorSurat "{nomor}/{tahun}" klasifikasi="000.1" nomor=1 desa="32.11" tahun=2026 bulan=1}}').message).toMatch(/expected a village code/);
    expect(failure('{{nomorSurat "{nomor}/{tahun}" klasifikasi="000.1" nomor=1 tanggal="7 Februari 2026"}}').message).toMatch(/expected a date "YYYY-MM-DD"/);
    expect(failure('{{nomorSurat "{nomor}/{tahun}" klasifikasi="000.1" nomor=1 tanggal="2026-02-07" tahun=2026}}').message).toMatch(/either tanggal or tahun and bulan/);
    expect(failure('{{nomorSurat "{nomor}/{bulan}" klasifikasi="000.1" nomor=1 tahun=2026 bulan=13}}').message).toMatch(/bulan must be 1 to 12, got 13/);
    expect(failure('{{nomorSurat "{nomor}" klasifikasi="000.1" nomor=1 tahun=2026 bulan=1 seri="A"}}').message).toMatch(/unknown option seri/);
  });

  it('romawi and nip', () => {
    expect(render('{{romawi 2026}}')).toBe('MMXXVI');
    expect(failure('{{romawi 0}}').message).toMatch(/romawi: no roman numeral for 0/);
    expect(failure('{{romawi x}}', { x: 'IV' }).message).toMatch(/romawi: expected a whole number from 1 to 3999/);
    expect(render('{{nip n}}', { n: '198001012005011001' })).toBe('19800101 200501 1 001');
    expect(failure('{{nip n}}', { n: 198001012005011000 }).message).toMatch(/nip: expected an 18-digit NIP or NI PPPK as a string, got the number/);
    expect(failure('{{nip n}}', { n: '19800101 200501 1 001' }).message).toMatch(/nip: expected 18 digits/);
  });
});

describe('ttd', () => {
  const profile = parse(readFileSync(new URL('../fixtures/kota-banjar.yaml', import.meta.url), 'utf8')) as RegencyProfile;
  const byId = new Map<string, Signatory>(profile.signatories.map((s) => [s.id, s]));
  /** As the generator's model resolves them (ModelSignatory: principal and via as objects). */
  const model = (id: string) => {
    const s = byId.get(id)!;
    return {
      ...s,
      ...(s.delegation ? { principal: byId.get(s.delegation.principal) } : {}),
      ...(s.delegation?.via ? { via: byId.get(s.delegation.via) } : {}),
    };
  };

  it('u.b. from the model, as text lines', () => {
    expect(render('{{ttd s kind="naskah-dinas" gap=2}}', { s: model('kabag-umum') })).toBe(
      ['a.n. WALI KOTA BANJAR', 'SEKRETARIS DAERAH,', 'u.b.', 'Plt. KEPALA BAGIAN UMUM,', '', '', 'Dedi Kurniawan, S.IP.', 'Penata Tingkat I', 'NIP. 19820722 200901 1 003'].join('\n'),
    );
  });

  it('a regeling without titles; own name with delegation=false; options', () => {
    expect(render('{{ttd s kind="regeling" gap=0}}', { s: model('walikota') })).toBe('WALI KOTA BANJAR,\nAde Uu Sukaesih');
    expect(render('{{ttd s kind="keputusan" gap=0}}', { s: model('walikota') })).toBe('WALI KOTA BANJAR,\nAde Uu Sukaesih');
    expect(render('{{ttd s kind="naskah-dinas" gap=0 delegation=false}}', { s: model('sekda') })).toBe('SEKRETARIS DAERAH,\nDrs. Budi Santoso, M.M.');
    expect(render('{{ttd s kind="naskah-dinas" gap=0 rank="pangkat-golongan" nameCase="upper"}}', { s: model('kadis-kominfo') })).toBe(
      'KEPALA DINAS KOMUNIKASI DAN INFORMATIKA,\nSITI NURHASANAH, S.Kom., M.T.\nPembina Tingkat I (IV/b)\nNIP. 19790315 200501 2 002',
    );
    expect(render('{{ttd s kind="naskah-dinas" gap=0 delegation="a.n." principal=p}}', { s: model('kadis-kominfo'), p: model('walikota') })).toBe(
      'a.n. WALI KOTA BANJAR\nKEPALA DINAS KOMUNIKASI DAN INFORMATIKA,\nSiti Nurhasanah, S.Kom., M.T.\nPembina Tingkat I\nNIP. 19790315 200501 2 002',
    );
  });

  it('errors name the helper', () => {
    expect(failure('{{ttd s}}', { s: model('walikota') }).message).toMatch(/ttd: expected kind= \(regeling, /);
    expect(failure('{{ttd s kind="memo"}}', { s: model('walikota') }).message).toMatch(/ttd: unknown kind "memo"/);
    expect(failure('{{ttd s kind="regeling"}}', { s: 'walikota' }).message).toMatch(/ttd: expected a signatory, got the string "walikota"/);
    expect(failure('{{ttd s kind="regeling"}}', { s: { name: 'x' } }).message).toMatch(/ttd: the signatory has no position/);
    expect(failure('{{ttd s kind="regeling"}}', { s: byId.get('sekda') }).message).toMatch(/ttd: signature of Budi Santoso: a\.n\. needs the principal/);
    expect(failure('{{ttd s kind="regeling" gap=-1}}', { s: model('walikota') }).message).toMatch(/ttd: gap must be/);
    expect(failure('{{ttd s kind="regeling" colour="red"}}', { s: model('walikota') }).message).toMatch(/ttd: unknown option colour/);
  });
});

describe('text helpers', () => {
  it('upper, lower', () => {
    expect(render('{{upper x}} {{lower x}}', { x: 'Kota Banjar' })).toBe('KOTA BANJAR kota banjar');
    expect(failure('{{upper x}}', { x: 5 }).message).toMatch(/upper: expected a string, got the number 5/);
  });

  it('padStart', () => {
    expect(render('{{padStart n 3 "0"}}', { n: 7 })).toBe('007');
    expect(render('[{{padStart "ab" 4}}]')).toBe('[  ab]');
    expect(render('{{padStart "abcd" 2 "0"}}')).toBe('abcd');
    expect(failure('{{padStart n 3}}', { n: 1.5 }).message).toMatch(/padStart: expected a string or a whole number/);
    expect(failure('{{padStart "a" 1000}}').message).toMatch(/padStart: the width must be from 0 to 100/);
    expect(failure('{{padStart "a" 3 ""}}').message).toMatch(/padStart: the fill must not be empty/);
    expect(failure('{{padStart "a"}}').message).toMatch(/padStart: expected 2 to 3 arguments, got 1/);
  });

  it('concat', () => {
    expect(render('{{concat "staging." d}}', { d: 'eoffice.banjarkota.go.id' })).toBe('staging.eoffice.banjarkota.go.id');
    expect(render('{{yaml (concat "v" n "-" s)}}', { n: 2, s: 'rc' })).toBe('v2-rc');
    expect(failure('{{concat "a" x}}', { x: null }).message).toMatch(/concat: argument 2 is null, not a string or number/);
    expect(failure('{{concat "a"}}').message).toMatch(/concat: expected at least 2 arguments, got 1/);
  });

  it('join', () => {
    expect(render('{{join xs}}', { xs: ['a', 'b', 3] })).toBe('a, b, 3');
    expect(render('{{join xs " / "}}', { xs: ['a', 'b'] })).toBe('a / b');
    expect(render('[{{join xs}}]', { xs: [] })).toBe('[]');
    expect(failure('{{join xs}}', { xs: 'ab' }).message).toMatch(/join: expected a list, got the string "ab"/);
    expect(failure('{{join xs}}', { xs: [{}] }).message).toMatch(/join: item 0 is an object/);
  });
});

describe('conditions', () => {
  const ctx = { engine: 'postgresql', n: 0, list: [], full: [1], yes: true, no: false, deployment: {} as Record<string, unknown> };

  it('eq, and, or, not', () => {
    expect(render('{{#if (eq engine "postgresql")}}pg{{else}}other{{/if}}', ctx)).toBe('pg');
    expect(render('{{#if (eq engine "mysql")}}my{{else}}other{{/if}}', ctx)).toBe('other');
    expect(render('{{#if (eq deployment.database "x")}}y{{else}}n{{/if}}', ctx)).toBe('n');
    expect(render('{{#if (and yes full)}}1{{/if}}{{#if (and yes list)}}2{{/if}}{{#if (and yes yes yes)}}3{{/if}}', ctx)).toBe('13');
    expect(render('{{#if (or no n list)}}1{{else}}0{{/if}}{{#if (or no full)}}2{{/if}}', ctx)).toBe('02');
    expect(render('{{#if (not deployment.tls)}}no tls{{/if}}', ctx)).toBe('no tls');
    expect(render('{{#if (and (eq engine "postgresql") (not no))}}ok{{/if}}', ctx)).toBe('ok');
  });

  it('refuses comparisons that are likely mistakes', () => {
    expect(failure('{{#if (eq n "0")}}x{{/if}}', ctx).message).toMatch(/eq: compares the number 0 with the string "0"/);
    expect(failure('{{#if (eq deployment deployment)}}x{{/if}}', ctx).message).toMatch(/eq: cannot compare an object/);
    expect(failure('{{#if (and yes)}}x{{/if}}', ctx).message).toMatch(/and: expected at least 2 arguments, got 1/);
    expect(failure('{{#if (not)}}x{{/if}}', ctx).message).toMatch(/not: expected 1 argument, got 0/);
  });

  it('includes: membership in a list; an absent list contains nothing; wrong types refused', () => {
    const when = (ctx: unknown) => render('{{#if (includes deployment.targets "compose")}}1{{else}}0{{/if}}', ctx);
    expect(when({ deployment: { targets: ['compose', 'vm'] } })).toBe('1');
    expect(when({ deployment: { targets: ['kubernetes'] } })).toBe('0');
    expect(render('{{#if (includes (get deployment "targets") "vm")}}1{{else}}0{{/if}}', { deployment: {} })).toBe('0');
    expect(render('{{#if (includes xs 2)}}1{{else}}0{{/if}}', { xs: [1, 2] })).toBe('1');
    expect(failure('{{#if (includes xs "a")}}1{{/if}}', { xs: 'abc' }).message).toMatch(/includes: expected a list/);
    expect(failure('{{#if (includes xs o)}}1{{/if}}', { xs: [], o: {} }).message).toMatch(/includes: expected a string or number/);
  });

  it('works as a blueprint `when:` condition, with get for optional fields', () => {
    const when = (expr: string, c: unknown) => renderer.compile(`{{#if ${expr}}}1{{/if}}`, 'bp:x (when)')(c) === '1';
    expect(when('(eq deployment.database.engine "postgresql")', { deployment: { database: { engine: 'postgresql' } } })).toBe(true);
    expect(when('(eq (get deployment "database.engine") "postgresql")', { deployment: { database: { engine: 'postgresql' } } })).toBe(true);
    expect(when('(eq (get deployment "database.engine") "postgresql")', { deployment: {} })).toBe(false);
    expect(when('(get deployment "targets.0")', { deployment: { targets: ['compose'] } })).toBe(true);
    expect(when('(get deployment "constructor")', { deployment: {} })).toBe(false);
    expect(() => when('(get deployment "a..b")', { deployment: {} })).toThrow(/get: the path "a\.\.b" has an empty step/);
  });
});

describe('secrets', () => {
  it('are available only inside withSecrets, and never shown in an error', () => {
    const SECRET = 'Zx9-very-secret_value-0123456789abcdefghijKLM'; // 43 characters, as ensureSecrets makes
    const r = createRenderer();
    const env = r.compile('DB_PASSWORD={{env (secret "db_password")}}\n', 'deploy/.env.hbs');
    expect(() => env({})).toThrow(/secret "db_password" asked for outside a render that provides secrets/);
    const lookup = (name: string) => {
      if (name !== 'db_password') throw new Error(`secret "${name}" is not declared`);
      return SECRET;
    };
    expect(r.withSecrets(lookup, () => env({}))).toBe(`DB_PASSWORD=${SECRET}\n`);
    expect(() => r.withSecrets(lookup, () => r.compile('{{secret "other"}}', 'x.env')({}))).toThrow(/secret: secret "other" is not declared/);
    const leak = r.compile('{{nip (secret "db_password")}}', 'x.txt');
    let message = '';
    try {
      r.withSecrets(lookup, () => leak({}));
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/^x\.txt:1:1: nip: expected 18 digits, got the string "\*\*\*"$/);
    expect(message).not.toContain('very-secret');
  });
});
