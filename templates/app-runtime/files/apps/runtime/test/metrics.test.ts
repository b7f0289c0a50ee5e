import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeLabelValue, Registry } from '../src/metrics.js';

describe('metrik Prometheus', () => {
  it('penghitung dengan label, HELP dan TYPE, deret terurut', () => {
    const r = new Registry();
    const c = r.counter('http_requests_total', 'Permintaan.', ['route', 'status']);
    c.inc({ route: '/opd', status: '200' });
    c.inc({ route: '/kop/:opd', status: '404' }, 2);
    c.inc({ route: '/opd', status: '200' });
    assert.equal(
      r.render(),
      '# HELP http_requests_total Permintaan.\n# TYPE http_requests_total counter\n' +
        'http_requests_total{route="/kop/:opd",status="404"} 2\nhttp_requests_total{route="/opd",status="200"} 2\n',
    );
    assert.equal(c.value({ route: '/opd', status: '200' }), 2);
  });

  it('histogram: bucket kumulatif, +Inf, _sum dan _count', () => {
    const r = new Registry();
    const h = r.histogram('lama_detik', 'Lama.', ['route'], [0.1, 1]);
    h.observe({ route: '/' }, 0.05);
    h.observe({ route: '/' }, 0.5);
    h.observe({ route: '/' }, 3);
    const text = r.render();
    assert.match(text, /^lama_detik_bucket\{route="\/",le="0\.1"\} 1$/m);
    assert.match(text, /^lama_detik_bucket\{route="\/",le="1"\} 2$/m);
    assert.match(text, /^lama_detik_bucket\{route="\/",le="\+Inf"\} 3$/m);
    assert.match(text, /^lama_detik_sum\{route="\/"\} 3\.55$/m);
    assert.match(text, /^lama_detik_count\{route="\/"\} 3$/m);
  });

  it('gauge dengan label tetap, dan nilai label di-escape', () => {
    const r = new Registry();
    r.gauge('app_info', 'Info.', () => 1, { daerah: 'Kota "A"\\B\nC' });
    assert.match(r.render(), /^app_info\{daerah="Kota \\"A\\"\\\\B\\nC"\} 1$/m);
    assert.equal(escapeLabelValue('a"b'), 'a\\"b');
  });

  it('menolak nama ganda, label tak dikenal dan penghitung yang turun', () => {
    const r = new Registry();
    const c = r.counter('x_total', 'X.', ['a']);
    assert.throws(() => r.counter('x_total', 'X.'), /sudah terdaftar/);
    assert.throws(() => c.inc({ b: '1' }), /tak dikenal/);
    assert.throws(() => c.inc({ a: '1' }, -1), /hanya bertambah/);
    assert.throws(() => r.counter('bad-name', 'X.'), /tidak sah/);
  });
});
