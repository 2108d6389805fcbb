// `npm run package`: builds the Teams app package build/appPackage.zip from manifest/ — fills the
// manifest template from configuration, validates it OFFLINE against the official schema bundled in
// @microsoft/app-manifest, checks the icons, and zips manifest.json, the localization files and icons.
// Usage: npm run package [-- --template <dir> --out <file>]; configuration from the environment
// or .env: MicrosoftAppId, BOT_DOMAIN, APP_VERSION, APP_DEVELOPER_NAME, APP_PRIVACY_URL, APP_TERMS_URL.
// The template is at manifest version 1.30: the newest Microsoft documents as generally available (the
// Microsoft 365 app manifest schema reference, August 2026) and the newest @microsoft/app-manifest bundles
// (its TeamsManifestLatest); the bot, tabs and SSO it declares need nothing newer.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppManifestUtils, type TeamsManifest, type TeamsManifestLatest } from '@microsoft/app-manifest';
import { type Zippable, zipSync } from 'fflate';
import { z } from 'zod';

const ROOT = path.join(__dirname, '..');
export const DEFAULT_TEMPLATE_DIR = path.join(ROOT, 'manifest');
export const DEFAULT_OUT_FILE = path.join(ROOT, 'build', 'appPackage.zip');

export type AppPackageErrorCode = 'PKG_CONFIG' | 'PKG_TEMPLATE' | 'PKG_SCHEMA' | 'PKG_ICON';

/** Why a package could not be built; `problems` holds one line each (for PKG_SCHEMA, the schema's own). */
export class AppPackageError extends Error {
  override readonly name = 'AppPackageError';
  constructor(
    readonly code: AppPackageErrorCode,
    summary: string,
    readonly problems: string[],
  ) {
    super(`${summary}\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export interface PackageConfig {
  appId: string;
  domain: string;
  version: string;
  developerName: string;
  privacyUrl: string;
  termsOfUseUrl: string;
}

const emptyToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;
const httpsUrl = z.string().regex(/^https:\/\/[^\s/]+(\/\S*)?$/, 'must be an https:// URL');
const packageEnvSchema = z.object({
  MicrosoftAppId: z
    .string({ error: 'is required (the bot app registration id, a GUID)' })
    .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a GUID'),
  BOT_DOMAIN: z
    .string({ error: 'is required (the public host name of the bot, e.g. unblock.azurewebsites.net)' })
    .refine((v) => !/^[a-z]+:\/\//i.test(v), 'must be a host name without https://')
    .refine(
      (v) => /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i.test(v),
      'must be a public host name such as unblock.azurewebsites.net (no path, no port)',
    ),
  APP_VERSION: z
    .string()
    .regex(/^\d{1,9}\.\d{1,9}\.\d{1,9}$/, 'must be a version like 1.2.3')
    .optional(),
  APP_DEVELOPER_NAME: z.string().max(32, 'must be at most 32 characters').optional(),
  APP_PRIVACY_URL: httpsUrl.optional(),
  APP_TERMS_URL: httpsUrl.optional(),
});

/** Reads the packaging configuration from an env object (not process.env: the caller passes it). */
export function readPackageConfig(
  env: Record<string, string | undefined>,
  defaults: { version: string },
): PackageConfig {
  const cleaned = Object.fromEntries(
    Object.keys(packageEnvSchema.shape).map((key) => [key, emptyToUndefined(env[key]?.trim())]),
  );
  const parsed = packageEnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new AppPackageError(
      'PKG_CONFIG',
      'Cannot build the app package: the configuration is invalid.',
      parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`),
    );
  }
  const e = parsed.data;
  const domain = e.BOT_DOMAIN.toLowerCase();
  return {
    appId: e.MicrosoftAppId.toLowerCase(),
    domain,
    version: e.APP_VERSION ?? defaults.version,
    developerName: e.APP_DEVELOPER_NAME ?? 'IT helpdesk',
    privacyUrl: e.APP_PRIVACY_URL ?? `https://${domain}/privacy`,
    termsOfUseUrl: e.APP_TERMS_URL ?? `https://${domain}/terms`,
  };
}

/**
 * Replaces {{placeholders}} in every string of the parsed template (never in the JSON text, so a
 * value cannot break the JSON). An unknown placeholder is a template bug.
 */
export function fillTemplate(template: unknown, config: PackageConfig): unknown {
  const values: Record<string, string> = {
    appId: config.appId,
    domain: config.domain,
    version: config.version,
    developerName: config.developerName,
    websiteUrl: `https://${config.domain}/`,
    privacyUrl: config.privacyUrl,
    termsOfUseUrl: config.termsOfUseUrl,
  };
  const fill = (value: unknown): unknown => {
    if (typeof value === 'string') {
      return value.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
        const replacement = values[name];
        if (replacement === undefined) {
          throw new AppPackageError('PKG_TEMPLATE', 'The manifest template is invalid.', [
            `unknown placeholder {{${name}}}`,
          ]);
        }
        return replacement;
      });
    }
    if (Array.isArray(value)) return value.map(fill);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v)]));
    }
    return value;
  };
  return fill(template);
}

/**
 * The bundled copy of a Teams schema named by a `$schema` URL. Refuses to go online: the library would
 * fetch a schema it does not bundle, and packaging must give the same answer on every machine.
 */
function bundledSchema(schemaUrl: unknown, file: string): Record<string, unknown> {
  const match =
    typeof schemaUrl === 'string'
      ? /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}-[a-z]{2}\/)?json-schemas\/teams\/(v1\.\d+)\//i.exec(
          schemaUrl,
        )
      : null;
  const schemaPath = match
    ? path.join(
        path.dirname(require.resolve('@microsoft/app-manifest')),
        'json-schemas',
        'teams',
        match[1] as string,
        file,
      )
    : undefined;
  if (!schemaPath || !existsSync(schemaPath)) {
    throw new AppPackageError('PKG_SCHEMA', 'The manifest names a schema that is not bundled.', [
      `$schema ${String(schemaUrl)} is not a Teams schema bundled in @microsoft/app-manifest`,
    ]);
  }
  return withUnicodeSafePatterns(JSON.parse(readFileSync(schemaPath, 'utf8'))) as Record<string, unknown>;
}

/**
 * Microsoft's Localization schema (v1.30 and others) has patterns with a lone `]`
 * (`activityTypes\[\b(…)\b]`), legal in a plain JS regex but not with the `u` flag ajv compiles
 * with, so ajv throws "Lone quantifier brackets". Escaping a `]` that closes no class keeps the meaning.
 */
function withUnicodeSafePatterns(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withUnicodeSafePatterns);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => {
      if (key === 'pattern' && typeof value === 'string') return [key, escapeLoneBrackets(value)];
      if (key === 'patternProperties' && value !== null && typeof value === 'object') {
        return [
          key,
          Object.fromEntries(
            Object.entries(value).map(([p, s]) => [escapeLoneBrackets(p), withUnicodeSafePatterns(s)]),
          ),
        ];
      }
      return [key, withUnicodeSafePatterns(value)];
    }),
  );
}

function escapeLoneBrackets(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    if (ch === '\\') {
      out += ch + (pattern[i + 1] ?? '');
      i++;
    } else if (ch === '[' && !inClass) {
      inClass = true;
      out += ch;
    } else if (ch === ']') {
      out += inClass ? ch : '\\]';
      inClass = false;
    } else {
      out += ch;
    }
  }
  return out;
}

/** Validates a manifest or localization file against its bundled schema; throws with the schema's errors. */
export async function validateAgainstBundledSchema(
  document: Record<string, unknown>,
  kind: 'manifest' | 'localization',
  fileName: string,
): Promise<void> {
  const schemaFile =
    kind === 'manifest' ? 'MicrosoftTeams.schema.json' : 'MicrosoftTeams.Localization.schema.json';
  const schema = bundledSchema(document.$schema, schemaFile);
  // The library types both arguments as a Teams manifest; a localization file is checked the same way.
  const errors = await AppManifestUtils.validateAgainstSchema(
    document as unknown as TeamsManifest,
    schema as unknown as Parameters<typeof AppManifestUtils.validateAgainstSchema>[1],
  );
  if (errors.length > 0) {
    throw new AppPackageError('PKG_SCHEMA', `${fileName} does not match its Teams schema.`, errors);
  }
}

/** Width and height from a PNG's IHDR chunk, or null when the bytes are not a PNG. */
export function pngSize(png: Buffer): { width: number; height: number } | null {
  const signature = '89504e470d0a1a0a';
  if (png.length < 24 || png.subarray(0, 8).toString('hex') !== signature) return null;
  if (png.subarray(12, 16).toString('ascii') !== 'IHDR') return null;
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Fixed entry times, so the same input gives the same bytes (zip times start in 1980). */
const ZIP_ENTRY_TIME = new Date(1980, 0, 1);

/** A flat zip of the package's files (deflate, fixed times): enough for a Teams app package. */
export function zip(entries: ReadonlyArray<{ name: string; data: Buffer }>): Buffer {
  const files: Zippable = {};
  for (const { name, data } of entries) files[name] = [data, { level: 9, mtime: ZIP_ENTRY_TIME }];
  return Buffer.from(zipSync(files));
}

export interface BuildOptions {
  env: Record<string, string | undefined>;
  templateDir?: string;
  outFile?: string;
}

export interface BuiltPackage {
  outFile: string;
  entries: string[];
  manifest: Record<string, unknown>;
}

const readJson = (file: string): Record<string, unknown> => {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new AppPackageError('PKG_TEMPLATE', 'The manifest template is invalid.', [
      `${path.basename(file)}: ${error instanceof Error ? error.message : String(error)}`,
    ]);
  }
};

/** Builds and validates the app package; writes it only when everything is valid. */
export async function buildAppPackage(options: BuildOptions): Promise<BuiltPackage> {
  const templateDir = options.templateDir ?? DEFAULT_TEMPLATE_DIR;
  const outFile = options.outFile ?? DEFAULT_OUT_FILE;
  const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };
  const config = readPackageConfig(options.env, { version });
  const manifest = fillTemplate(readJson(path.join(templateDir, 'manifest.json')), config) as Record<
    string,
    unknown
  >;
  await validateAgainstBundledSchema(manifest, 'manifest', 'manifest.json');

  const typed = manifest as unknown as TeamsManifestLatest;
  const entries: Array<{ name: string; data: Buffer }> = [
    { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) },
  ];
  for (const { file } of typed.localizationInfo?.additionalLanguages ?? []) {
    const localization = readJson(path.join(templateDir, file));
    await validateAgainstBundledSchema(localization, 'localization', file);
    entries.push({ name: file, data: Buffer.from(`${JSON.stringify(localization, null, 2)}\n`) });
  }
  const icons = [
    { file: typed.icons.color, size: 192 },
    { file: typed.icons.outline, size: 32 },
  ];
  for (const { file, size } of icons) {
    const iconPath = path.join(templateDir, file);
    const data = existsSync(iconPath) ? readFileSync(iconPath) : Buffer.alloc(0);
    const actual = pngSize(data);
    if (!actual || actual.width !== size || actual.height !== size) {
      throw new AppPackageError('PKG_ICON', 'An app icon is missing or the wrong size.', [
        `${file} must be a ${size}×${size} PNG${actual ? ` (it is ${actual.width}×${actual.height})` : ''}`,
      ]);
    }
    entries.push({ name: file, data });
  }

  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(outFile, zip(entries));
  return { outFile, entries: entries.map((e) => e.name), manifest };
}

function argument(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

async function main(): Promise<void> {
  const { config } = await import('dotenv');
  config({ quiet: true });
  const args = process.argv.slice(2);
  const templateDir = argument(args, '--template');
  const outFile = argument(args, '--out');
  try {
    const built = await buildAppPackage({
      env: process.env,
      ...(templateDir ? { templateDir: path.resolve(templateDir) } : {}),
      ...(outFile ? { outFile: path.resolve(outFile) } : {}),
    });
    process.stdout.write(
      `Wrote ${path.relative(process.cwd(), built.outFile)} (${built.entries.join(', ')}).\n` +
        'Upload it in the Teams admin center (Manage apps > Upload new app) or in Teams (Apps > Manage your apps > Upload an app).\n',
    );
  } catch (error) {
    if (!(error instanceof AppPackageError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`npm run package failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  });
}
