/** Type-level checks (run by `tsc -p tsconfig.test.json` in npm test) plus the public surface. */
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as api from '../src/index.js';
import type { DocumentOf, NormalizedDocument, ParsedDocument, VmParamsDocument } from '../src/index.js';

describe('inferred types', () => {
  it('raw documents have string leaves, normalized ones decoded values', () => {
    type Raw = DocumentOf<'InstantiateVAppTemplateParams', 'raw'>;
    type Norm = DocumentOf<'InstantiateVAppTemplateParams', 'norm'>;
    expectTypeOf<Raw['deploy']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Norm['deploy']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<Raw['Source']['href']>().toEqualTypeOf<string>();
    expectTypeOf<NonNullable<Norm['SourcedItem']>[number]['sourceDelete']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<ParsedDocument['kind']>().toEqualTypeOf<api.Kind>();
    expectTypeOf<NormalizedDocument['kind']>().toEqualTypeOf<api.Kind>();
  });

  it('build takes strings or decoded values, and rejects unknown properties at compile time', () => {
    const ok: VmParamsDocument = { kind: 'CloneVAppParams', deploy: false, powerOn: 'false', Source: { href: 'https://x/api/vApp/vapp-1' } };
    expect(api.build(ok)).toContain('powerOn="false"');
    // @ts-expect-error Source is required for CloneVAppParams
    const missing: VmParamsDocument = { kind: 'CloneVAppParams' };
    // @ts-expect-error not a property of the model
    const typo: VmParamsDocument = { kind: 'CloneVAppParams', Source: { href: 'h' }, Desciption: 'x' };
    expect([missing, typo]).toHaveLength(2);
  });

  it('sections are a typed, ordered union', () => {
    type Sections = NonNullable<NonNullable<DocumentOf<'ComposeVAppParams', 'norm'>['InstantiationParams']>['sections']>[number];
    expectTypeOf<Extract<Sections, { LeaseSettingsSection: unknown }>['LeaseSettingsSection']['DeploymentLeaseInSeconds']>().toEqualTypeOf<number | undefined>();
  });
});

describe('public surface', () => {
  it('exports the names interface.md fixes', () => {
    for (const name of ['parse', 'build', 'validate', 'normalize', 'instantClone']) expect(Object.keys(api)).toContain(name);
    expect(typeof api.instantClone.validate).toBe('function');
    expect(typeof api.instantClone.privileges).toBe('function');
    expect(typeof api.instantClone.convert).toBe('function');
    expect(typeof api.instantClone.send).toBe('function');
    expect(api.KINDS).toEqual(['InstantiateVAppTemplateParams', 'ComposeVAppParams', 'RecomposeVAppParams', 'CloneVAppParams', 'InstantiateOvfParams']);
  });
});
