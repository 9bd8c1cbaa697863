import 'reflect-metadata';
import { ENTITIES } from '../../src/modules/entities';
import { SUBJECTS } from '../../src/authz/policy';
import { entityOfSubject, PolicySubject, subjectOfEntity } from '../../src/authz/subjects';

describe('policy subjects and their entities', () => {
  it('every subject of the policy is marked on exactly one of the entities the database maps, and back', () => {
    for (const subject of SUBJECTS) {
      const entity = entityOfSubject(subject);
      expect(ENTITIES).toContain(entity);
      expect(subjectOfEntity(entity)).toBe(subject);
    }
  });

  it('refuses a second entity for a subject already marked', () => {
    expect(() => PolicySubject('Enterprise')(class Impostor {})).toThrow(/Enterprise is marked on both EnterpriseEntity and Impostor/);
  });
});
