import type { ConflictInput, OverlayState, Props, SyncedRecord } from '../../shared/sync';

/** A synced row: the CRM envelope plus the index fields extracted from its properties. */
export interface RecordRow extends SyncedRecord {
  ownerId?: string;
  csmOwnerId?: string;
  pipeline?: string;
  stage?: string;
  dueAt?: number;
  status?: string;
  lastActivityAt?: number;
  renewalAt?: number;
}

export interface OverlayRow extends OverlayState {
  key: string;
  objectType: string;
  recordId: string;
}

export interface ConflictRow extends ConflictInput {
  key: string;
  /** Client clock, display only. */
  detectedAt: number;
}

export interface AssociationRowStored {
  fromType: string;
  fromId: string;
  toType: string;
  toId: string;
  typeIds: number[];
}

export interface PipelineRow {
  objectType: string;
  id: string;
  label: string;
  displayOrder: number;
  stages: Array<{ id: string; label: string; displayOrder: number; metadata: Record<string, string> }>;
  [extra: string]: unknown;
}

export interface OwnerRow {
  id: string;
  email?: string;
  firstName?: string;
  lastName?: string;
  userId?: number;
  [extra: string]: unknown;
}

export interface UserRow {
  id: string;
  email?: string;
  [extra: string]: unknown;
}

export interface PropertyRow {
  objectType: string;
  name: string;
  label?: string;
  type?: string;
  fieldType?: string;
  /** `OWNER` on owner properties (an enumeration of owner ids); not indexed. */
  referencedObjectType?: string | null;
  options?: Array<{ label: string; value: string }>;
  [extra: string]: unknown;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

export interface RemapRow {
  key: string;
  objectType: string;
  tempId: string;
  realId: string;
}

export type { Props };
