/** The value a record holds under `key` as its own property; never one inherited from Object.prototype. */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** True when a name is also a property every plain object inherits (`constructor`, `toString`, `__proto__` …). */
export function isInheritedName(key: string): boolean {
  return key in Object.prototype;
}
