import { Foundation1764000000000 } from './1764000000000-Foundation';
import { Regions1764000000001 } from './1764000000001-Regions';
import { TenantScope1764000000002 } from './1764000000002-TenantScope';
import { MillisecondTimestamps1764000000003 } from './1764000000003-MillisecondTimestamps';
import { KeySupport1764000000004 } from './1764000000004-KeySupport';
import { TenantDirectory1764000000005 } from './1764000000005-TenantDirectory';
import { PublicNotice1764000000006 } from './1764000000006-PublicNotice';
import { SortIndexes1764000000007 } from './1764000000007-SortIndexes';
import { PoliciesOncePerStatement1764000000008 } from './1764000000008-PoliciesOncePerStatement';
import { QueueIndexes1764000000009 } from './1764000000009-QueueIndexes';
import { Assessments1764000000010 } from './1764000000010-Assessments';
import { PublicObjections1764000000011 } from './1764000000011-PublicObjections';
import { NetworkPowerProductFields1764000000012 } from './1764000000012-NetworkPowerProductFields';
import { SharedAcrossReplicas1764000000013 } from './1764000000013-SharedAcrossReplicas';
import { PublicNoticeStart1764000000014 } from './1764000000014-PublicNoticeStart';

/** In order. Listed by hand (not globbed) so ts-jest and the build see the same set. */
export const MIGRATIONS = [
  Foundation1764000000000,
  Regions1764000000001,
  TenantScope1764000000002,
  MillisecondTimestamps1764000000003,
  KeySupport1764000000004,
  TenantDirectory1764000000005,
  PublicNotice1764000000006,
  SortIndexes1764000000007,
  PoliciesOncePerStatement1764000000008,
  QueueIndexes1764000000009,
  Assessments1764000000010,
  PublicObjections1764000000011,
  NetworkPowerProductFields1764000000012,
  SharedAcrossReplicas1764000000013,
  PublicNoticeStart1764000000014,
];
