import { inject, type InjectionKey } from 'vue';
import type { CsDatabase } from '../db';

/** The one Dexie database, opened at app start and provided to setup stores (never to components). */
export const DB_KEY: InjectionKey<CsDatabase> = Symbol('db');

export function useDb(): CsDatabase {
  const db = inject(DB_KEY);
  if (!db) throw new Error('The local database was not provided to the app.');
  return db;
}
