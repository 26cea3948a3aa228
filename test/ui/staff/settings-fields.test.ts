import { describe, expect, it } from 'vitest';
import type { SiteConfig } from '../../../src/shared/site-config.ts';
import { specsOf } from '../../../src/ui/staff/settings/fields.tsx';

const field = specsOf<SiteConfig>();

describe('settings fields', () => {
  it('are named by the configuration’s own properties, with a kind that fits the value', () => {
    expect(field('name', 'staff.settings.name', 'text')).toEqual([
      'name',
      'staff.settings.name',
      'text',
    ]);
    // The typecheck (part of the test run) refuses these; at run time they are plain tuples.
    // @ts-expect-error 'nmae' is not a property of SiteConfig
    expect(field('nmae', 'staff.settings.name', 'text')[0]).toBe('nmae');
    // @ts-expect-error capacity is a number: it cannot be edited as a time
    expect(field('capacity', 'staff.settings.capacity', 'time')[2]).toBe('time');
  });
});
