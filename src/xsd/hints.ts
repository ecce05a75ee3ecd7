/**
 * What a host can add to the engine's messages: short names for namespaces and the fixes that only
 * someone who knows the documents can give (the Cloud Director request validator passes its own,
 * src/validate/xsd-hints.ts). Every member is optional; without hints the messages stand alone.
 */

/** A finished problem text a hint replaces the generic one with. */
export interface HintedMessage {
  messageId: string;
  message: string;
  data: Record<string, string | number | boolean>;
}

/** Hints for messages. */
export interface SchemaHints {
  /** Short label of a namespace in messages (`vcloud`, `ovf`); undefined = no label. */
  nsLabel?(ns: string | null): string | undefined;
  /** Words after "belongs to X here" telling how to write the element in the right namespace. */
  namespaceFix?(local: string, found: string | null, expected: string | null): string | undefined;
  /** A replacement for the unknown-root problem. */
  unknownRoot?(local: string, ns: string | null): HintedMessage | undefined;
  /** Words after "<X> is incomplete: <Y> is missing". */
  missingHint?(ns: string | null, local: string): string | undefined;
  /** Words after "<X> is abstract and cannot be used directly" (default: the usable substitutes). */
  abstractHint?(ns: string | null, local: string): string | undefined;
  /** Words after "attribute A is not allowed on <E>". */
  attributeHint?(attrNs: string | null, attrLocal: string, elementNs: string | null): string | undefined;
  /** Prefix and label for an attribute namespace people forget to write (`ovf`, `OVF`). */
  attributeNamespace?(ns: string): { prefix: string; label: string } | undefined;
}
