// Numbers (SPEC §6): BRANCH-KIND-yyyymm-serial, e.g. SH01-YY-202611-0001. The serial is
// assigned by the store inside the insert's transaction; this module only formats and parses.

export const NUMBER_KINDS = { case: 'YY', slip: 'TH' } as const;
export type NumberKind = keyof typeof NUMBER_KINDS;

export function formatNumber(branchCode: string, kind: NumberKind, period: string, serial: number): string {
  return `${branchCode}-${NUMBER_KINDS[kind]}-${period}-${String(serial).padStart(4, '0')}`;
}

const NUMBER_RE = /^([A-Z0-9]{2,8})-(YY|TH)-(\d{6})-(\d{4,})$/;

export function parseNumber(
  n: string,
): { branchCode: string; kindCode: string; period: string; serial: number } | null {
  const m = NUMBER_RE.exec(n);
  if (!m) return null;
  return { branchCode: m[1]!, kindCode: m[2]!, period: m[3]!, serial: Number(m[4]) };
}
