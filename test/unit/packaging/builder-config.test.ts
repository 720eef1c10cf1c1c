import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv } from 'ajv';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
/** electron-builder's own JSON schema for its configuration, as the installed version ships it. */
const SCHEMA = JSON.parse(readFileSync(resolve(ROOT, 'node_modules/app-builder-lib/scheme.json'), 'utf8')) as object;
const config = load(readFileSync(resolve(ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;

function validate(candidate: unknown) {
  // The schema uses a few keywords ajv does not know (e.g. "tsType"); strict mode would reject the schema itself.
  const ajv = new Ajv({ strict: false, allErrors: true });
  const check = ajv.compile(SCHEMA);
  const valid = check(candidate);
  return { valid, errors: (check.errors ?? []).map((e) => `${e.instancePath} ${e.message}`) };
}

describe('electron-builder.yml', () => {
  it("validates against electron-builder's schema", () => {
    const { valid, errors } = validate(config);
    expect(errors).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the check would catch a misspelt key (the test can fail)', () => {
    expect(validate({ ...config, linx: { target: ['AppImage'] } }).valid).toBe(false);
    expect(validate({ ...config, mac: { ...(config.mac as object), hardendRuntime: true } }).valid).toBe(false);
  });

  it('builds AppImage, deb and rpm / NSIS / dmg and the zip that macOS updates need', () => {
    expect((config.linux as { target: string[] }).target).toEqual(['AppImage', 'deb', 'rpm']);
    expect((config.win as { target: string[] }).target).toEqual(['nsis']);
    expect((config.mac as { target: string[] }).target).toEqual(['dmg', 'zip']);
  });

  it('publishes to a generic update feed, and holds no signing secret', () => {
    expect(config.publish).toMatchObject({ provider: 'generic', url: expect.stringMatching(/^https:\/\//) });
    const text = readFileSync(resolve(ROOT, 'electron-builder.yml'), 'utf8');
    // Credentials come from the environment only; none of these keys may appear with a value here.
    expect(text).not.toMatch(/^\s*(certificatePassword|cscKeyPassword|cscLink|appleIdPassword|password)\s*:/im);
  });

  it('npm run dist builds first, then packages without publishing', () => {
    const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.dist).toBe('npm run build && electron-builder --publish never');
  });
});
