export { canonicalZone, homeTimeText, isAway, offsetLabel, offsetMinutes, zoneChangeToState } from './zones';
export type { ZonePair } from './zones';
export { dateTimeFormat, numberFormat } from './formatters';
