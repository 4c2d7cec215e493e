// The vm context ("realm") the bundle runs in. Values the fakes hand to product code (Dates, errors)
// must be made with that realm's constructors, or `instanceof` and prototype checks inside the
// bundle see foreign objects (../shared/reference/apps-script.md §1.2 #3, §1.5 #4).

export interface Realm {
  Date: DateConstructor;
  Error: ErrorConstructor;
  Object: ObjectConstructor;
  Array: ArrayConstructor;
}

/** The Node realm, for tests that drive a fake directly. */
export const NODE_REALM: Realm = { Date, Error, Object, Array };

/**
 * An Apps Script service error: its name is "Exception" and its message is Google's text, so it
 * prints as "Exception: <message>" like the platform's.
 */
export function gasError(realm: Realm, message: string): Error {
  const e = new realm.Error(message);
  e.name = 'Exception';
  return e;
}
