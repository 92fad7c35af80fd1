/**
 * The calendar's own types, so that screens using FullCalendar.vue never import
 * @fullcalendar/* (the wrapper is its only importer).
 */
export type CalendarViewType = 'timeGridDay' | 'timeGridWeek' | 'dayGridMonth' | 'listDay' | 'listWeek';

export interface CalendarEvent {
  id: string;
  title: string;
  /** Epoch ms: an instant, shown in the calendar's time zone. */
  start: number;
  end?: number;
  allDay?: boolean;
  /** Whether the user may drag it (default false). */
  editable?: boolean;
  classNames?: string[];
  /** Background and border colour (also the dot colour in month view). */
  color?: string;
  /** The event's accessible name (screen readers, tests); defaults to the title. */
  label?: string;
}

export interface CalendarRange {
  /** First instant shown (inclusive) and the instant after the last one, epoch ms. */
  start: number;
  end: number;
  /** FullCalendar's localized title of the range ("November 2026"). */
  title: string;
  view: CalendarViewType;
}

export interface CalendarDrop {
  id: string;
  start: number;
  end: number | null;
  /** Put the event back where it was (the edit failed or was refused). */
  revert: () => void;
}
