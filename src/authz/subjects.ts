import { SubjectName } from './policy';

const ENTITY_BY_SUBJECT = new Map<SubjectName, Function>();
const SUBJECT_BY_ENTITY = new Map<Function, SubjectName>();

/**
 * Marks the entity whose rows a policy subject governs. Each module marks its
 * own entities, so the policy speaks of subjects by name and never imports a
 * module; the entity registers itself when its module is loaded.
 */
export function PolicySubject(subject: SubjectName): ClassDecorator {
  return (entity) => {
    const marked = ENTITY_BY_SUBJECT.get(subject);
    if (marked && marked !== entity) throw new Error(`policy subject ${subject} is marked on both ${marked.name} and ${entity.name}`);
    ENTITY_BY_SUBJECT.set(subject, entity);
    SUBJECT_BY_ENTITY.set(entity, subject);
  };
}

/** The entity of a policy subject; an unmarked subject is a programming error, never an open door. */
export function entityOfSubject(subject: SubjectName): Function {
  const entity = ENTITY_BY_SUBJECT.get(subject);
  if (!entity) throw new Error(`no entity is marked @PolicySubject('${subject}'): is its module loaded?`);
  return entity;
}

/** CASL's subject type of an object: an entity by its class, a plain object by its tag. */
export function detectSubjectType(object: Record<string, unknown>): SubjectName {
  const tagged = object.__caslSubjectType__ as SubjectName | undefined;
  if (tagged) return tagged;
  const name = SUBJECT_BY_ENTITY.get(object.constructor);
  if (!name) throw new Error(`not a policy subject: ${object.constructor?.name}`);
  return name;
}

export function subjectOfEntity(entity: Function): SubjectName | undefined {
  return SUBJECT_BY_ENTITY.get(entity);
}
