/**
 * The form under which organization names must be unique: "TechStartup Inc",
 * "techstartup  inc" and "ＴｅｃｈＳｔａｒｔｕｐ Inc" are one name.
 */
export function normalizeOrganizationName(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}
