import unhomoglyph from 'unhomoglyph';

/**
 * The form under which organization names must be unique: "TechStartup Inc",
 * "techstartup  inc" and "ＴｅｃｈＳｔａｒｔｕｐ Inc" are one name.
 */
export function normalizeOrganizationName(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * The confusable skeleton of a name (Unicode TR39, with its confusables.txt
 * mapping): names that look alike share it, so "TechStаrtup" with a Cyrillic
 * "а", "TechStartup" and "TechStartuр" are one name. Case is folded before and
 * after the mapping (its targets are mixed-case: "0" → "O"). Not for display:
 * "m" becomes "rn".
 */
export function organizationNameSkeleton(name: string): string {
  return unhomoglyph(normalizeOrganizationName(name).normalize('NFD')).normalize('NFD').toLowerCase();
}
