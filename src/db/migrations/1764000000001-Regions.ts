import { readFileSync } from 'node:fs';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { REGIONS_CSV } from '../../config/paths';

/**
 * GB/T 2260 regions (NBS 2023 edition, 3,348 rows) are reference data every
 * other table points at, so they arrive with the schema rather than with the
 * demo data. The ltree path is built here from the parent chain.
 */
export class Regions1764000000001 implements MigrationInterface {
  name = 'Regions1764000000001';

  async up(q: QueryRunner): Promise<void> {
    const rows = parseRegionsCsv(readFileSync(REGIONS_CSV, 'utf8'));
    const byCode = new Map(rows.map((r) => [r.code, r]));
    const pathOf = (code: string): string => {
      const r = byCode.get(code);
      if (!r) throw new Error(`region ${code} has no row`);
      return r.parentCode ? `${pathOf(r.parentCode)}.${code}` : code;
    };
    await q.query(
      `INSERT INTO region (code, name, name_en, level, parent_code, path)
       SELECT code, name, name_en, level, parent_code, path::ltree
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
         AS t(code, name, name_en, level, parent_code, path)
       ORDER BY length(path)`,
      [
        rows.map((r) => r.code),
        rows.map((r) => r.name),
        rows.map((r) => r.nameEn),
        rows.map((r) => r.level),
        rows.map((r) => r.parentCode),
        rows.map((r) => pathOf(r.code)),
      ],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM region`);
  }
}

interface RegionRow {
  code: string;
  name: string;
  nameEn: string | null;
  level: string;
  parentCode: string | null;
}

/** The file is plain: a header, five comma-separated columns, no quoting. */
export function parseRegionsCsv(csv: string): RegionRow[] {
  const [header, ...lines] = csv.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (header !== 'code,name_zh,name_en,level,parent_code') throw new Error(`unexpected regions.csv header: ${header}`);
  return lines.map((line) => {
    const [code, name, nameEn, level, parentCode] = line.split(',');
    return { code, name, nameEn: nameEn || null, level, parentCode: parentCode || null };
  });
}
