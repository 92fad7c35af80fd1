import type { PropertyKind } from '../../../shared/views';

/** A property the filter editor can offer (built by the screen from the CRM's definitions). */
export interface FilterProperty {
  name: string;
  label: string;
  kind: PropertyKind;
  options: Array<{ value: string; label: string }>;
}
