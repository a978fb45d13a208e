import { randomUUID } from 'node:crypto';
import type { CustomField } from '../../shared/item.js';

/**
 * The custom fields that have a value, each with a fresh id, in order. An import leaves an empty value out
 * rather than keep a blank field: exports write every field of a type whether it was filled in or not.
 */
export function customFields(fields: readonly (readonly [label: string, value: string, sensitive: boolean])[]): CustomField[] {
  return fields
    .filter(([, value]) => value.trim() !== '')
    .map(([label, value, sensitive]) => ({ id: randomUUID(), label: label.trim() || 'Field', value, sensitive }));
}
