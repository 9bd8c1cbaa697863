import { DataSource } from 'typeorm';
import { RequestContext } from '../../core/context';
import { BadUserInputError } from '../../core/errors';
import { RegionEntity, RegionLevel } from './region.entity';
import { isRegionCode } from '../../core/region-code';

export interface RegionQuery {
  parentCode?: string | null;
  level?: RegionLevel | null;
}

/**
 * All 3,348 regions, held in memory. They are published reference data that
 * only a migration changes (GB/T 2260 editions), every caller may read all of
 * them, and nearly every answer names a region: reading them once per
 * process takes a statement off most requests and any query over all of
 * them off the database. A migration that changes regions needs a restart.
 */
class RegionDirectory {
  readonly all: readonly RegionEntity[];
  private readonly byCode = new Map<string, RegionEntity>();
  private readonly byParent = new Map<string, RegionEntity[]>();
  private readonly byLevel = new Map<RegionLevel, RegionEntity[]>();

  constructor(rows: RegionEntity[]) {
    this.all = [...rows].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    for (const r of this.all) {
      this.byCode.set(r.code, r);
      if (r.parentCode) push(this.byParent, r.parentCode, r);
      push(this.byLevel, r.level, r);
    }
  }

  get(code: string): RegionEntity | null {
    return this.byCode.get(code) ?? null;
  }

  children(code: string): readonly RegionEntity[] {
    return this.byParent.get(code) ?? [];
  }

  ofLevel(level: RegionLevel): readonly RegionEntity[] {
    return this.byLevel.get(level) ?? [];
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const directories = new WeakMap<DataSource, Promise<RegionDirectory>>();

/** Read as plain rows: the ORM's hydration of 3,348 entities held the event loop for ~100 ms. */
async function loadRegions(dataSource: DataSource): Promise<RegionDirectory> {
  const rows: { code: string; name: string; name_en: string | null; level: RegionLevel; parent_code: string | null; path: string }[] =
    await dataSource.query(`SELECT code, name, name_en, level, parent_code, path::text AS path FROM region`);
  return new RegionDirectory(
    rows.map((r) =>
      Object.assign(new RegionEntity(), { code: r.code, name: r.name, nameEn: r.name_en, level: r.level, parentCode: r.parent_code, path: r.path }),
    ),
  );
}

/** The directories already read, for answers without a promise (a page's every row asks for its region). */
const loaded = new WeakMap<DataSource, RegionDirectory>();

function directory(dataSource: DataSource): Promise<RegionDirectory> {
  let d = directories.get(dataSource);
  if (!d) {
    d = loadRegions(dataSource);
    d.then(
      (ready) => loaded.set(dataSource, ready),
      () => undefined,
    );
    // A failed load (database down) is not remembered: the next request tries again.
    d.catch(() => directories.delete(dataSource));
    directories.set(dataSource, d);
  }
  return d;
}

/** A region by code: at once when the regions are in memory, else once they are read. */
export type RegionAnswer = RegionEntity | null | Promise<RegionEntity | null>;

/** Regions are public reference data: every caller may read all of them. */
export class RegionService {
  /** Reads the regions before the first request needs them (server start-up). */
  async preload(dataSource: DataSource): Promise<void> {
    await directory(dataSource);
  }

  async list(ctx: RequestContext, query: RegionQuery): Promise<readonly RegionEntity[]> {
    const parentCode = query.parentCode != null ? this.validCode(query.parentCode, 'parentCode') : null;
    const regions = await directory(ctx.dataSource);
    let found = parentCode != null ? regions.children(parentCode) : query.level != null ? regions.ofLevel(query.level) : regions.all;
    if (parentCode != null && query.level != null) found = found.filter((r) => r.level === query.level);
    return found;
  }

  /** Synchronous once the regions are read (see preload), so the fields that call it need no promise. */
  byCode(ctx: RequestContext, code: string): RegionAnswer {
    if (!isRegionCode(code)) return null;
    const ready = loaded.get(ctx.dataSource);
    return ready ? ready.get(code) : directory(ctx.dataSource).then((d) => d.get(code));
  }

  async children(ctx: RequestContext, code: string): Promise<readonly RegionEntity[]> {
    return (await directory(ctx.dataSource)).children(code);
  }

  private validCode(code: string, field: string): string {
    if (!isRegionCode(code)) throw new BadUserInputError(`${field} must be a six-digit GB/T 2260 region code`, field);
    return code;
  }
}

export const regionService = new RegionService();
