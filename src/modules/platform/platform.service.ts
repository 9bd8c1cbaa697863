import { GraphQLResolveInfo } from 'graphql';
import { SelectQueryBuilder } from 'typeorm';
import { visibleById } from '../../data/scoped-reader';
import { OrderDirection } from '../../graphql/connection';
import { RequestContext } from '../../graphql/context';
import { ListFilter } from '../../graphql/list-filter';
import { ListArgs, listConnection, ListSpec } from '../../graphql/list';
import { PlatformEntity } from './platform.entity';
import { PlatformFilter, PlatformOrderField } from './platform.input';

const LIST: ListSpec<PlatformEntity, PlatformFilter, PlatformOrderField> = {
  subject: 'Platform',
  sortKeys: {
    NAME: { property: 'name', field: 'name' },
    CREATED_AT: { property: 'createdAt', field: 'createdAt' },
  },
  defaultOrder: [{ field: PlatformOrderField.NAME, direction: OrderDirection.ASC }],
  applyFilter(ctx, qb: SelectQueryBuilder<PlatformEntity>, f) {
    new ListFilter(ctx, qb, 'Platform')
      .regionSubtree('regionCode', f.regionCode, 'region')
      .equals('kind', f.kind, 'kind')
      .equals('level', f.level, 'level')
      .contains('search', f.search, ['name', 'operator'], ['name', 'operator']);
  },
};

export class PlatformService {
  list(ctx: RequestContext, args: ListArgs<PlatformFilter, PlatformOrderField>, info?: GraphQLResolveInfo) {
    return listConnection(ctx, LIST, args, info);
  }

  byId(ctx: RequestContext, id: string): Promise<PlatformEntity | null> {
    return visibleById<PlatformEntity>(ctx, 'Platform').load(id);
  }
}

export const platformService = new PlatformService();
