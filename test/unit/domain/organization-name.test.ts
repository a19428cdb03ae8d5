import { describe, expect, it } from 'vitest';
import { normalizeOrganizationName } from '../../../src/domain/organization-name';

describe('organization name uniqueness form', () => {
  it.each([
    ['TechStartup Inc', 'techstartup inc'],
    ['  techstartup   INC ', 'techstartup inc'],
    ['ＴｅｃｈＳｔａｒｔｕｐ Inc', 'techstartup inc'],
  ])('treats %j as %j', (name, expected) => {
    expect(normalizeOrganizationName(name)).toBe(expected);
  });

  it('keeps different names apart', () => {
    expect(normalizeOrganizationName('TechStartup Inc')).not.toBe(normalizeOrganizationName('TechStartup Ltd'));
  });
});
