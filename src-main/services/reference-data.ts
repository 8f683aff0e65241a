// Units (柜组/部门) and the configurable category list. Shared with head office through the
// outbox so that reports can name them.
import { fromRow, insertRow, stmt } from '../db/statements';
import type { Actor } from '../domain/case-machine';
import { can } from '../domain/permissions';
import { DEFAULT_CATEGORIES } from '../shared/enums';
import { refuse } from '../shared/errors';
import { CategoryCreateInput, UnitCreateInput } from '../shared/schemas/admin';
import { authorOf } from './case-store';
import { recordChange } from './changes';
import type { Author, ServiceContext } from './context';
import { withInput, type Parsed } from './with-input';

export interface Unit {
  id: string;
  code: string;
  name: string;
  active: boolean;
}

export interface Category {
  code: string;
  nameZh: string;
  nameEn: string;
  active: boolean;
}

const SYSTEM: Author = { id: null, staffNo: null, name: '系统' };

const requireAdmin = (actor: Actor) => {
  if (!can(actor.role, 'admin'))
    throw refuse('FORBIDDEN', '只有店长可以维护单位和类别', 'Only a manager may maintain units and categories');
};

export const createUnit = withInput(
  UnitCreateInput,
  function createUnit(ctx: ServiceContext, actor: Actor, input: Parsed<typeof UnitCreateInput>): Unit {
    requireAdmin(actor);
    return ctx.db.transaction(() => {
      if (stmt(ctx.db, 'SELECT 1 FROM units WHERE code = ?').get(input.code)) {
        throw refuse('CONFLICT', `单位编码 ${input.code} 已存在`, `Unit code ${input.code} already exists`, [
          { field: 'code', message: { zh: '编码已存在', en: 'Code already exists' } },
        ]);
      }
      const now = ctx.now();
      const unit = { id: ctx.newId(), code: input.code, name: input.name, active: true };
      insertRow(ctx.db, 'units', { ...unit, version: 1, createdAt: now, updatedAt: now });
      recordChange(ctx, authorOf(actor), {
        action: 'unit.create',
        entity: 'unit',
        entityId: unit.id,
        before: null,
        after: { ...unit, version: 1 },
        version: 1,
        sync: true,
      });
      return unit;
    })();
  },
);

function insertCategory(ctx: ServiceContext, author: Author, c: { code: string; zh: string; en: string }): Category {
  const now = ctx.now();
  const sort = (stmt(ctx.db, 'SELECT ifnull(max(sort), 0) + 1 AS s FROM categories').get() as { s: number }).s;
  const cat = { code: c.code, nameZh: c.zh, nameEn: c.en, active: true };
  insertRow(ctx.db, 'categories', { ...cat, sort, version: 1, createdAt: now, updatedAt: now });
  recordChange(ctx, author, {
    action: 'category.create',
    entity: 'category',
    entityId: c.code,
    before: null,
    after: { ...cat, sort, version: 1 },
    version: 1,
    sync: true,
  });
  return cat;
}

export const createCategory = withInput(
  CategoryCreateInput,
  function createCategory(ctx: ServiceContext, actor: Actor, input: Parsed<typeof CategoryCreateInput>): Category {
    requireAdmin(actor);
    return ctx.db.transaction(() => {
      if (stmt(ctx.db, 'SELECT 1 FROM categories WHERE code = ?').get(input.code)) {
        throw refuse('CONFLICT', `类别编码 ${input.code} 已存在`, `Category code ${input.code} already exists`, [
          { field: 'code', message: { zh: '编码已存在', en: 'Code already exists' } },
        ]);
      }
      return insertCategory(ctx, authorOf(actor), input);
    })();
  },
);

/** Puts the default categories of SPEC §3 into an empty store. */
export function ensureDefaultCategories(ctx: ServiceContext): void {
  ctx.db.transaction(() => {
    if ((stmt(ctx.db, 'SELECT count(*) AS n FROM categories').get() as { n: number }).n > 0) return;
    for (const c of DEFAULT_CATEGORIES) insertCategory(ctx, SYSTEM, c);
  })();
}

export const listUnits = (ctx: ServiceContext): Unit[] =>
  (stmt(ctx.db, 'SELECT id, code, name, active FROM units ORDER BY code').all() as Record<string, unknown>[]).map(
    (r) => ({ ...fromRow<Unit>(r), active: r.active === 1 }),
  );

export const listCategories = (ctx: ServiceContext): Category[] =>
  (
    stmt(ctx.db, 'SELECT code, name_zh, name_en, active FROM categories ORDER BY sort').all() as Record<
      string,
      unknown
    >[]
  ).map((r) => ({
    ...fromRow<Category>(r),
    active: r.active === 1,
  }));
