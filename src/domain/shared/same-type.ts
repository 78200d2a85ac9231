// Compile-time proof that a zod schema's inferred type and the hand-written domain type are one
// type, so the stored-document schemas cannot drift from the records they check.

/** Flattens intersections and nested objects so equal shapes compare equal however they were written. */
type Flat<T> = T extends readonly unknown[]
  ? { [K in keyof T]: Flat<T[K]> }
  : T extends object
    ? { [K in keyof T]: Flat<T[K]> }
    : T;

type Identical<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;

/** `true` when A and B have the same properties, optionality and value types, at every depth. */
export type SameType<A, B> = Identical<Flat<A>, Flat<B>>;

/** Use as `sameType<SameType<z.infer<typeof S>, Record>>(true)`: fails to compile when they differ. */
export function sameType<T extends true>(proof: T): T {
  return proof;
}
