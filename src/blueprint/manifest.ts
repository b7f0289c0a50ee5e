/** The shape of `templates/<name>/blueprint.yaml` (schemas/blueprint.schema.json). */
export type FilePolicy = 'managed' | 'seed-once' | 'merge-text' | 'merge-structured';
export type EachCollection = 'opds' | 'villages' | 'desa' | 'signatories' | 'kecamatan';
export type BlueprintApp = 'eoffice' | 'eofficeDesa' | 'esakip' | 'shared';

export interface FileRule {
  match: string;
  policy?: FilePolicy;
  when?: string;
  each?: EachCollection;
  mode?: string;
  secret?: boolean;
}

export interface BlueprintManifest {
  apiVersion: 'eoffice/v1';
  kind: 'Blueprint';
  name: string;
  version: string;
  description: string;
  app: BlueprintApp;
  requires?: string[];
  source?: { git: string; ref: string; into: string };
  files: FileRule[];
  seed?: string[];
  components?: string[];
  secrets?: string[];
}

/** A file of a blueprint's `files/` tree, as found on disk. */
export interface BlueprintFile {
  /** Path under `files/`, with `/` separators, `.hbs` kept. */
  path: string;
  bytes: Buffer;
  mode: number;
}

/** Read-only: a loaded blueprint is shared by every generation of the process (blueprint/load.ts). */
export interface Blueprint {
  readonly dir: string;
  readonly manifest: Readonly<BlueprintManifest>;
  readonly files: readonly Readonly<BlueprintFile>[];
  /** sha256 over the manifest and every file's path, mode and bytes. */
  readonly digest: string;
}
