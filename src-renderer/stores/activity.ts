import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { EventPayload } from '../../shared/contract';
import { useHost } from './host-key';

/** No input in the window for this long: not in use (the sync then polls every half hour). */
export const IDLE_AFTER_MS = 5 * 60_000;
const CHECK_EVERY_MS = 30_000;
const INPUT_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'focus'] as const;

/** The Battery Status API where the browser has it (Chromium, so Electron too); absent elsewhere. */
interface BatteryLike extends EventTarget {
  charging: boolean;
}
type WithBattery = Navigator & { getBattery?: () => Promise<BatteryLike> };

/**
 * Whether the window is in use and whether the machine runs on battery, for the sync's
 * schedule (shared/sync/schedule.ts). Like connectivity, two sources: what the page sees
 * (its document visible, input in it within `IDLE_AFTER_MS`, the Battery Status API where
 * present — the web host has nothing else) and what the host reports (`onDidChangePower`:
 * Electron's powerMonitor, which also knows a locked screen or a user away from the whole
 * computer). The host's battery state wins when it has sent one.
 */
export const useActivityStore = defineStore('activity', () => {
  const host = useHost();
  const visible = ref(document.visibilityState !== 'hidden');
  let lastInputAt = Date.now();
  const recentInput = ref(true);
  const browserOnBattery = ref(false);
  const hostPower = ref<EventPayload<'onDidChangePower'> | null>(null);

  const onInput = () => {
    lastInputAt = Date.now();
    recentInput.value = true;
  };
  for (const name of INPUT_EVENTS) window.addEventListener(name, onInput, { capture: true, passive: true });
  document.addEventListener('visibilitychange', () => {
    visible.value = document.visibilityState !== 'hidden';
    if (visible.value) onInput();
  });
  setInterval(() => {
    if (Date.now() - lastInputAt >= IDLE_AFTER_MS) recentInput.value = false;
  }, CHECK_EVERY_MS);

  void (navigator as WithBattery)
    .getBattery?.()
    .then((battery) => {
      browserOnBattery.value = !battery.charging;
      battery.addEventListener('chargingchange', () => (browserOnBattery.value = !battery.charging));
    })
    .catch(() => {});
  host.on('onDidChangePower', (power) => (hostPower.value = power));

  const inUse = computed(() => visible.value && recentInput.value && !(hostPower.value?.idle ?? false));
  const onBattery = computed(() => hostPower.value?.onBattery ?? browserOnBattery.value);
  return { inUse, onBattery };
});
