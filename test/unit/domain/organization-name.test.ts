import { describe, expect, it } from 'vitest';
import { normalizeOrganizationName, organizationNameSkeleton } from '../../../src/domain/organization-name';

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

describe('organization name confusable skeleton', () => {
  it.each([
    ['TechSt\u0430rtup Inc', 'a Cyrillic а'],
    ['T\u0435chStartup Inc', 'a Cyrillic е'],
    ['TechStartu\u0440 Inc', 'a Cyrillic р'],
    ['TECHSTARTUP INC', 'capitals'],
    ['ＴｅｃｈＳｔａｒｔｕｐ  Inc', 'full-width letters and doubled spaces'],
    ['TechStartup \u0399nc', 'a Greek capital iota'],
  ])('It should give %j (%s) the skeleton of "TechStartup Inc"', (name) => {
    expect(organizationNameSkeleton(name)).toBe(organizationNameSkeleton('TechStartup Inc'));
  });

  it.each([
    ['Acme 2000', 'Acme 2OOO'],
    ['Farm Labs', 'Farrn Labs'],
    ['Dev1', 'Devl'],
  ])('It should treat %j and %j as lookalikes', (one, other) => {
    expect(organizationNameSkeleton(one)).toBe(organizationNameSkeleton(other));
  });

  it.each([
    ['TechStartup Inc', 'TechStartup Ltd'],
    ['Müller GmbH', 'Muller GmbH'],
    ['東京ラボ', '大阪ラボ'],
  ])('It should keep %j and %j apart', (one, other) => {
    expect(organizationNameSkeleton(one)).not.toBe(organizationNameSkeleton(other));
  });
});
