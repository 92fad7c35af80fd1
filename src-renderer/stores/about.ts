import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { CallOutput } from '../../shared/contract';
import { useHost } from './host-key';

/** What the host says about itself and the CRM connection, for Settings → About. */
export const useAboutStore = defineStore('about', () => {
  const host = useHost();
  const info = ref<CallOutput<'app:info'> | null>(null);
  const crm = ref<CallOutput<'crm:status'> | null>(null);
  const error = ref<string | null>(null);

  async function load() {
    const [i, c] = await Promise.all([host['app:info']({}), host['crm:status']({})]);
    if (i.ok) info.value = i.data;
    else error.value = i.error.message;
    if (c.ok) crm.value = c.data;
    else error.value = c.error.message;
  }
  return { info, crm, error, load };
});
