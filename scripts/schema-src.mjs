// Source of schemas/regency-profile.schema.json. Written as a script so the bilingual texts stay
// readable; `npm run schema` writes the JSON, and a test fails when the committed JSON differs.
const d = (id, en) => ({ description: `${id}\n\n(en) ${en}` });
const t = (id, en) => ({ title: `${id} / ${en}` });
const str = (extra = {}) => ({ type: 'string', ...extra });
const secretRef = {
  ...t('Rujukan rahasia', 'Secret reference'),
  ...d('Rahasia tidak pernah ditulis di profil: hanya rujukan `env:NAMA` atau `file:PATH`.',
    'Secrets never appear in the profile: only a reference, `env:NAME` or `file:PATH`.'),
  type: 'string',
};

export default {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://eoffice.sumedangkab.go.id/schemas/regency-profile.v1.schema.json',
  ...t('Profil kabupaten/kota eoffice', 'eoffice regency profile'),
  ...d('Profil penerima hibah aplikasi e-Office, e-Office Desa dan e-SAKIP.',
    "A grant recipient's profile for the e-Office, e-Office Desa and e-SAKIP applications."),
  type: 'object',
  additionalProperties: false,
  required: ['apiVersion', 'kind', 'regency', 'opds', 'signatories', 'apps'],
  properties: {
    apiVersion: { const: 'eoffice/v1', ...d('Versi format profil.', 'Profile format version.') },
    kind: { const: 'RegencyProfile' },
    regency: { $ref: '#/$defs/Regency' },
    opds: { type: 'array', minItems: 1, items: { $ref: '#/$defs/Opd' },
      ...t('Perangkat daerah (OPD)', 'Regional agencies (OPD)') },
    villages: { $ref: '#/$defs/Villages' },
    signatories: { type: 'array', minItems: 1, items: { $ref: '#/$defs/Signatory' },
      ...t('Penandatangan', 'Signatories') },
    apps: { $ref: '#/$defs/Apps' },
    deployment: { $ref: '#/$defs/Deployment' },
    grant: { $ref: '#/$defs/Grant' },
  },
  $defs: {
    RegionCode: { type: 'string', pattern: '^\\d{2}(\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?)?$',
      ...d('Kode wilayah Kepmendagri 300.2.2-2138/2025: PP, PP.KK, PP.KK.CC atau PP.KK.CC.NNNN.',
        'Region code of decree 300.2.2-2138/2025: PP, PP.KK, PP.KK.CC or PP.KK.CC.NNNN.') },
    RegencyCode: { type: 'string', pattern: '^\\d{2}\\.\\d{2}$' },
    DistrictCode: { type: 'string', pattern: '^\\d{2}\\.\\d{2}\\.\\d{2}$' },
    VillageCode: { type: 'string', pattern: '^\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{4}$' },
    SecretRef: secretRef,
    Regency: {
      type: 'object', additionalProperties: false, required: ['code', 'name', 'letterhead'],
      ...t('Daerah penerima', 'Recipient region'),
      properties: {
        code: { $ref: '#/$defs/RegencyCode', ...d('Kode kabupaten/kota, misalnya 32.11.', 'Regency or city code, e.g. 32.11.') },
        kind: { enum: ['kabupaten', 'kota'], ...d('Diturunkan dari kode (01–69 kabupaten, 71–99 kota); bila diisi harus sesuai.',
          'Derived from the code (01–69 kabupaten, 71–99 kota); when given it must agree.') },
        name: str({ minLength: 1, ...d('Nama sesuai Kepmendagri, misalnya "Kabupaten Sumedang".', 'Name as in the decree, e.g. "Kabupaten Sumedang".') }),
        province: str({ minLength: 1 }),
        domain: str({ ...d('Domain resmi pemerintah daerah, misalnya sumedangkab.go.id.', "The region's official domain, e.g. sumedangkab.go.id.") }),
        letterhead: { $ref: '#/$defs/Letterhead' },
      },
    },
    Letterhead: {
      type: 'object', additionalProperties: false, required: ['address'],
      ...t('Kop naskah dinas', 'Letterhead'),
      properties: {
        address: str({ minLength: 1 }),
        phone: str(),
        fax: str(),
        email: str(),
        website: str(),
        postcode: str({ pattern: '^\\d{5}$' }),
        emblem: str({ ...d('Berkas lambang daerah (PNG/SVG), relatif terhadap profil.', 'Regional emblem file (PNG/SVG), relative to the profile.') }),
        paper: { enum: ['A4', 'F4'], default: 'A4', ...d('Ukuran kertas; F4 bila ditetapkan peraturan kepala daerah.', 'Paper size; F4 where a regional regulation says so.') },
      },
    },
    Opd: {
      type: 'object', additionalProperties: false, required: ['code', 'name', 'kind'],
      ...t('Perangkat daerah', 'Regional agency'),
      properties: {
        code: str({ pattern: '^[a-z0-9][a-z0-9-]*$', ...d('Kode internal unik (huruf kecil, angka, tanda minus).', 'Unique internal code (lower case, digits, dashes).') }),
        name: str({ minLength: 1, ...d('Nama lengkap, tidak disingkat.', 'Full name, not abbreviated.') }),
        shortName: str(),
        kind: { enum: ['sekretariat-daerah', 'sekretariat-dprd', 'inspektorat', 'dinas', 'badan', 'kecamatan', 'bagian', 'kelurahan', 'uptd'],
          ...d('Jenis perangkat daerah menurut PP 18/2016.', 'Agency kind under PP 18/2016.') },
        type: { enum: ['A', 'B', 'C'], ...d('Tipe A/B/C (kecamatan hanya A/B).', 'Type A/B/C (kecamatan A/B only).') },
        parent: str({ ...d('Kode OPD induk (bagian di bawah Setda, kelurahan di bawah kecamatan).', 'Code of the parent agency (bagian under Setda, kelurahan under a kecamatan).') }),
        unitCode: str({ pattern: '^[A-Za-z0-9][A-Za-z0-9.\\-]*$', ...d('Kode unit pada nomor surat, misalnya DISKOMINFO.', 'Unit code used in letter numbers, e.g. DISKOMINFO.') }),
        sipdCode: str({ pattern: '^\\d\\.\\d{2}\\.\\d\\.\\d{2}\\.\\d\\.\\d{2}\\.\\d{2}\\.\\d{4}$', ...d('Kode unit SIPD, misalnya 1.02.0.00.0.00.01.0000.', 'SIPD unit code, e.g. 1.02.0.00.0.00.01.0000.') }),
        regionCode: { $ref: '#/$defs/RegionCode', ...d('Kode wilayah kecamatan (untuk OPD kecamatan) atau kelurahan.', 'Region code of the kecamatan (for kecamatan agencies) or kelurahan.') },
        address: str(),
      },
    },
    Villages: {
      ...t('Desa dan kelurahan', 'Villages'),
      oneOf: [
        { type: 'array', items: { $ref: '#/$defs/Village' } },
        { $ref: '#/$defs/VillagesFromDecree' },
      ],
    },
    VillagesFromDecree: {
      type: 'object', additionalProperties: false, required: ['from'],
      properties: {
        from: { const: 'kemendagri', ...d('Ambil dari data Kepmendagri 2025 (idn-area-data 4.0.1).', 'Take from the 2025 decree data (idn-area-data 4.0.1).') },
        include: { type: 'array', items: { $ref: '#/$defs/RegionCode' }, ...d('Hanya kecamatan/desa ini (kosong: seluruh daerah).', 'Only these kecamatan/villages (empty: the whole region).') },
        exclude: { type: 'array', items: { $ref: '#/$defs/RegionCode' } },
        details: { type: 'array', items: { $ref: '#/$defs/VillageDetail' }, ...d('Kepala dan perangkat per desa, dirujuk dengan kode.', 'Head and officers per village, by code.') },
      },
    },
    Village: {
      type: 'object', additionalProperties: false, required: ['code', 'name'],
      properties: {
        code: { $ref: '#/$defs/VillageCode' },
        name: str({ minLength: 1 }),
        kind: { enum: ['kelurahan', 'desa', 'desa-adat'], ...d('Diturunkan dari digit pertama NNNN: 1 kelurahan, 2 desa, 3 desa adat.', 'Derived from the first N: 1 kelurahan, 2 desa, 3 desa adat.') },
        head: str(),
        officers: { type: 'array', items: { $ref: '#/$defs/VillageOfficer' } },
        address: str(),
        postcode: str({ pattern: '^\\d{5}$' }),
      },
    },
    VillageDetail: {
      type: 'object', additionalProperties: false, required: ['code'],
      properties: {
        code: { $ref: '#/$defs/VillageCode' },
        head: str(),
        officers: { type: 'array', items: { $ref: '#/$defs/VillageOfficer' } },
        address: str(),
        postcode: str({ pattern: '^\\d{5}$' }),
      },
    },
    VillageOfficer: {
      type: 'object', additionalProperties: false, required: ['role', 'name'],
      ...t('Perangkat desa (Permendagri 84/2015)', 'Village officer (Permendagri 84/2015)'),
      properties: {
        role: { enum: ['sekretaris-desa', 'kaur-tata-usaha-umum', 'kaur-keuangan', 'kaur-perencanaan', 'kasi-pemerintahan', 'kasi-kesejahteraan', 'kasi-pelayanan', 'kepala-dusun'] },
        name: str({ minLength: 1 }),
      },
    },
    Signatory: {
      type: 'object', additionalProperties: false, required: ['id', 'name', 'position', 'role'],
      ...t('Penandatangan', 'Signatory'),
      properties: {
        id: str({ pattern: '^[a-z0-9][a-z0-9-]*$' }),
        frontTitle: str({ ...d('Gelar depan, misalnya "Dr. H.".', 'Front title, e.g. "Dr. H.".') }),
        name: str({ minLength: 1, ...d('Nama tanpa gelar.', 'Name without titles.') }),
        backTitle: str({ ...d('Gelar belakang, misalnya "S.T., M.Si.".', 'Back title, e.g. "S.T., M.Si.".') }),
        nip: str({ ...d('NIP 18 digit tanpa spasi.', '18-digit NIP without spaces.') }),
        niPppk: str({ ...d('NI PPPK 18 digit.', '18-digit NI PPPK.') }),
        golongan: str({ ...d('Golongan ruang, misalnya III/a.', 'Rank code, e.g. III/a.') }),
        pangkat: str({ ...d('Pangkat yang sesuai golongan, misalnya Penata Muda.', 'Rank name matching the code, e.g. Penata Muda.') }),
        position: str({ minLength: 1, ...d('Jabatan, tanpa Plt./Plh./Pj. (ditambahkan dari status).', 'Position, without Plt./Plh./Pj. (added from the status).') }),
        role: { enum: ['kepala-daerah', 'wakil-kepala-daerah', 'sekretaris-daerah', 'kepala-opd', 'pejabat', 'camat', 'lurah', 'kepala-desa', 'sekretaris-desa'],
          ...d('Peran dalam tata naskah dinas dan perjanjian kinerja.', 'Role for official documents and performance agreements.') },
        opd: str({ ...d('Kode OPD tempat jabatan.', 'Code of the agency of the position.') }),
        village: { $ref: '#/$defs/VillageCode' },
        institution: str({ ...d('Instansi, bila bukan OPD profil ini (misalnya pihak pemberi hibah).', "Institution, when not one of this profile's agencies (e.g. the grantor's side).") }),
        status: { enum: ['definitif', 'plt', 'plh', 'pj', 'pjs'], default: 'definitif', ...d('Status jabatan: definitif, Plt. (pelaksana tugas), Plh. (pelaksana harian), Pj. (penjabat), Pjs. (penjabat sementara).', 'Status: definitive, Plt. (acting), Plh. (daily stand-in), Pj. (appointed interim), Pjs. (temporary interim).') },
        delegation: {
          type: 'object', additionalProperties: false, required: ['type', 'principal'],
          ...d('Penandatanganan atas nama (a.n.) atau untuk beliau (u.b.).', 'Signing on behalf (a.n.) or for (u.b.).'),
          properties: {
            type: { enum: ['a.n.', 'u.b.'] },
            principal: str({ ...d('id penandatangan yang diwakili.', 'id of the signatory signed for.') }),
            via: str({ ...d('Untuk u.b.: id pejabat perantara yang menandatangani a.n.', 'For u.b.: id of the intermediate official who signs a.n.') }),
          },
        },
        superior: str({ ...d('id atasan langsung (pasangan perjanjian kinerja).', 'id of the direct superior (performance agreement pair).') }),
        nik: str({ ...d('NIK 16 digit untuk TTE (BSrE), atau rujukan env:/file:.', '16-digit NIK for TTE (BSrE), or an env:/file: reference.') }),
        email: str(),
      },
    },
    LetterNumbering: {
      type: 'object', additionalProperties: false, required: ['template'],
      ...t('Penomoran naskah dinas', 'Letter numbering'),
      properties: {
        template: str({ ...d('Pola nomor surat dengan token {klasifikasi} {nomor} {unit} {tahun} {bulan} {bulanRomawi} {kodeDesa}, misalnya "{klasifikasi}/{nomor}/{unit}/{tahun}".',
          'Letter number pattern with the tokens {klasifikasi} {nomor} {unit} {tahun} {bulan} {bulanRomawi} {kodeDesa}.') }),
        reset: { enum: ['yearly', 'monthly'], default: 'yearly' },
        padding: { type: 'integer', minimum: 0, maximum: 6, default: 0 },
      },
    },
    AppBase: {
      type: 'object',
      properties: {
        enabled: { type: 'boolean', default: true },
        version: str({ pattern: '^\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?$', ...d('Versi blueprint (semver).', 'Blueprint version (semver).') }),
      },
    },
    Apps: {
      type: 'object', additionalProperties: false, minProperties: 1,
      ...t('Aplikasi yang dihibahkan', 'Granted applications'),
      properties: {
        eoffice: {
          type: 'object', additionalProperties: false,
          properties: {
            enabled: { type: 'boolean', default: true },
            version: { $ref: '#/$defs/AppBase/properties/version' },
            letterNumber: { $ref: '#/$defs/LetterNumbering' },
            classification: { enum: ['permendagri-83-2022'], default: 'permendagri-83-2022' },
            tte: {
              type: 'object', additionalProperties: false, required: ['baseUrl'],
              ...t('Layanan TTE (BSrE)', 'Electronic signature service (BSrE)'),
              properties: { baseUrl: str(), clientId: str(), clientSecret: { $ref: '#/$defs/SecretRef' } },
            },
            srikandi: { enum: ['primary', 'alongside', 'none'], default: 'none',
              ...d('Peran lokal terhadap SRIKANDI: primary (e-Office utama), alongside (berdampingan), none.', 'Relation to SRIKANDI.') },
          },
        },
        eofficeDesa: {
          type: 'object', additionalProperties: false,
          properties: {
            enabled: { type: 'boolean', default: true },
            version: { $ref: '#/$defs/AppBase/properties/version' },
            letterNumber: { $ref: '#/$defs/LetterNumbering' },
          },
        },
        esakip: {
          type: 'object', additionalProperties: false,
          properties: {
            enabled: { type: 'boolean', default: true },
            version: { $ref: '#/$defs/AppBase/properties/version' },
            period: {
              type: 'object', additionalProperties: false, required: ['start', 'end'],
              ...t('Periode RPJMD', 'RPJMD period'),
              properties: { start: { type: 'integer', minimum: 2000, maximum: 2100 }, end: { type: 'integer', minimum: 2000, maximum: 2100 } },
            },
            weights: {
              type: 'object', additionalProperties: false, required: ['planning', 'measurement', 'reporting', 'evaluation'],
              ...t('Bobot evaluasi SAKIP (PermenPANRB 88/2021)', 'SAKIP evaluation weights'),
              properties: {
                planning: { type: 'number', minimum: 0, maximum: 100 },
                measurement: { type: 'number', minimum: 0, maximum: 100 },
                reporting: { type: 'number', minimum: 0, maximum: 100 },
                evaluation: { type: 'number', minimum: 0, maximum: 100 },
              },
            },
          },
        },
      },
    },
    Deployment: {
      type: 'object', additionalProperties: false, required: ['targets'],
      ...t('Deployment', 'Deployment'),
      properties: {
        targets: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: ['compose', 'kubernetes', 'vm'] } },
        domain: str({ ...d('Nama host aplikasi, misalnya eoffice.sumedangkab.go.id.', 'Application host name.') }),
        tls: {
          type: 'object', additionalProperties: false, required: ['mode'],
          properties: {
            mode: { enum: ['acme', 'provided', 'none'] },
            email: str(),
            certificate: { $ref: '#/$defs/SecretRef' },
            privateKey: { $ref: '#/$defs/SecretRef' },
          },
        },
        database: {
          type: 'object', additionalProperties: false, required: ['engine'],
          properties: {
            engine: { enum: ['postgresql', 'mysql', 'mariadb'] },
            version: str(),
            host: str(),
            port: { type: 'integer', minimum: 1, maximum: 65535 },
            name: str({ pattern: '^[A-Za-z_][A-Za-z0-9_]*$' }),
            user: str({ pattern: '^[A-Za-z_][A-Za-z0-9_]*$' }),
            password: { $ref: '#/$defs/SecretRef' },
          },
        },
        storage: {
          type: 'object', additionalProperties: false, required: ['kind'],
          properties: {
            kind: { enum: ['local', 's3'] },
            path: str(), size: str(), bucket: str(), endpoint: str(),
            accessKey: { $ref: '#/$defs/SecretRef' },
            secretKey: { $ref: '#/$defs/SecretRef' },
          },
        },
        mail: {
          type: 'object', additionalProperties: false, required: ['host'],
          properties: {
            host: str(), port: { type: 'integer', minimum: 1, maximum: 65535 }, from: str(),
            username: str(), password: { $ref: '#/$defs/SecretRef' },
          },
        },
        backups: {
          type: 'object', additionalProperties: false,
          properties: {
            schedule: str({ pattern: '^\\S+( \\S+){4}$', ...d('Jadwal cron, misalnya "0 2 * * *".', 'Cron schedule.') }),
            retentionDays: { type: 'integer', minimum: 1, maximum: 3650 },
          },
        },
        resources: {
          type: 'object', additionalProperties: false,
          properties: { cpu: str({ pattern: '^\\d+(\\.\\d+)?m?$' }), memory: str({ pattern: '^\\d+(Mi|Gi)$' }), replicas: { type: 'integer', minimum: 1, maximum: 20 } },
        },
      },
    },
    Grant: {
      type: 'object', additionalProperties: false, required: ['grantor', 'agreement'],
      ...t('Hibah', 'Grant'),
      properties: {
        grantor: {
          type: 'object', additionalProperties: false, required: ['code', 'name'],
          properties: {
            code: { $ref: '#/$defs/RegencyCode' },
            name: str(),
            signatories: { type: 'array', items: { $ref: '#/$defs/Signatory' } },
          },
        },
        agreement: {
          type: 'object', additionalProperties: false, required: ['number', 'date'],
          ...t('Perjanjian hibah daerah', 'Regional grant agreement'),
          properties: { number: str({ minLength: 1 }), date: str({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }) },
        },
        bast: {
          type: 'object', additionalProperties: false, required: ['number', 'date'],
          ...t('Berita acara serah terima (BAST)', 'Handover record (BAST)'),
          properties: { number: str({ minLength: 1 }), date: str({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }) },
        },
        items: { type: 'array', items: { enum: ['applications', 'source-code', 'documentation', 'implementation-support', 'training'] }, uniqueItems: true },
      },
    },
  },
};
