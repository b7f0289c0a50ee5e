import type { Rule, RuleContext } from './rule.js';
import { t } from './rule.js';

/** Every reference resolves: parent agency, a signatory's agency or village, delegation and superior. */
export const references: Rule = {
  id: 'references',
  severity: 'error',
  description: t('Setiap rujukan (OPD induk, OPD/desa penandatangan, delegasi, atasan) ditemukan', 'Every reference (parent, signatory agency/village, delegation, superior) resolves'),
  check(ctx: RuleContext) {
    const { profile, report } = ctx;
    const opds = new Map(profile.opds.map((o) => [o.code, o]));
    const codes = [...opds.keys()];
    profile.opds.forEach((o, i) => {
      if (o.parent === undefined) {
        if (o.kind === 'bagian' || o.kind === 'kelurahan') {
          report({
            path: ['opds', i],
            message: t('{kind} {name} tidak mencantumkan OPD induk (`parent`)', '{kind} {name} has no parent agency (`parent`)'),
            hint: t(o.kind === 'bagian' ? 'bagian berada di bawah Sekretariat Daerah' : 'kelurahan berada di bawah kecamatan', o.kind === 'bagian' ? 'a bagian sits under the Sekretariat Daerah' : 'a kelurahan sits under a kecamatan'),
            params: { kind: o.kind, name: o.name },
          });
        }
        return;
      }
      const parent = opds.get(o.parent);
      if (!parent) {
        report(unknownRef(['opds', i, 'parent'], o.parent, codes, t('OPD', 'agency')));
      } else if (o.parent === o.code) {
        report({
          path: ['opds', i, 'parent'],
          message: t('{code} menjadi induk dirinya sendiri', '{code} is its own parent'),
          hint: t('hapus `parent` atau sebutkan OPD lain', 'remove `parent` or name another agency'),
          params: { code: o.code },
        });
      } else if (o.kind === 'bagian' && parent.kind !== 'sekretariat-daerah' && parent.kind !== 'sekretariat-dprd') {
        report({
          path: ['opds', i, 'parent'],
          message: t('bagian {name} berada di bawah {parent}, padahal bagian berada di bawah sekretariat', 'bagian {name} sits under {parent}, but a bagian belongs to a secretariat'),
          hint: t('rujuk kode Sekretariat Daerah', 'refer to the Sekretariat Daerah code'),
          params: { name: o.name, parent: parent.name },
        });
      } else if (o.kind === 'kelurahan' && parent.kind !== 'kecamatan') {
        report({
          path: ['opds', i, 'parent'],
          message: t('kelurahan {name} berada di bawah {parent}, padahal kelurahan berada di bawah kecamatan', 'kelurahan {name} sits under {parent}, but a kelurahan belongs to a kecamatan'),
          hint: t('rujuk kode OPD kecamatannya', 'refer to its kecamatan agency'),
          params: { name: o.name, parent: parent.name },
        });
      }
    });
    // A cycle through parents would make every tree walk of later stages loop.
    for (const start of profile.opds) {
      const path = new Set<string>();
      let at: string | undefined = start.code;
      while (at !== undefined && !path.has(at)) {
        path.add(at);
        at = opds.get(at)?.parent;
      }
      if (at === start.code && path.size > 1) {
        report({
          path: ['opds', profile.opds.indexOf(start), 'parent'],
          message: t('rujukan induk berputar: {cycle}', 'the parent references form a cycle: {cycle}'),
          hint: t('putuskan salah satu `parent`', 'break one of the `parent` links'),
          params: { cycle: [...path, start.code].join(' → ') },
        });
        break;
      }
    }

    // Built only when a signatory names a village: a national list has ~10^3 villages per regency.
    let villageCodes: Set<string> | undefined;
    const isVillage = (code: string) => (villageCodes ??= new Set(ctx.villages().map((v) => v.code))).has(code);
    const ids = profile.signatories.map((s) => s.id);
    profile.signatories.forEach((s, i) => {
      if (s.opd !== undefined && !opds.has(s.opd)) report(unknownRef(['signatories', i, 'opd'], s.opd, codes, t('OPD', 'agency')));
      if (s.village !== undefined && !isVillage(s.village)) {
        report({
          path: ['signatories', i, 'village'],
          message: t('desa {code} tidak termasuk desa profil ini', 'village {code} is not one of this profile\'s villages'),
          hint: t('periksa kode, atau tambahkan desa itu ke `villages`', 'check the code, or add that village to `villages`'),
          params: { code: s.village },
        });
      }
      for (const [key, value] of [['principal', s.delegation?.principal], ['via', s.delegation?.via]] as const) {
        if (value !== undefined && !ids.includes(value)) report(unknownRef(['signatories', i, 'delegation', key], value, ids, t('penandatangan', 'signatory')));
      }
      if (s.superior !== undefined) {
        if (!ids.includes(s.superior)) report(unknownRef(['signatories', i, 'superior'], s.superior, ids, t('penandatangan', 'signatory')));
        else if (s.superior === s.id) {
          report({
            path: ['signatories', i, 'superior'],
            message: t('{id} menjadi atasan dirinya sendiri', '{id} is its own superior'),
            hint: t('sebutkan atasan langsung yang lain', 'name the actual direct superior'),
            params: { id: s.id },
          });
        }
      }
    });
  },
};

function unknownRef(path: (string | number)[], value: string, known: string[], what: { id: string; en: string }) {
  const sample = known.slice(0, 6).join(', ') + (known.length > 6 ? ', …' : '');
  return {
    path,
    message: t('{what} "{value}" tidak ditemukan', '{what} "{value}" not found'),
    hint: t('kode yang ada: {sample}', 'known codes: {sample}'),
    params: { what, value, sample },
  };
}
