export * from './scheduler';
export { createNotifyRunner, type NotifyRunner, type NotifyRunnerDeps, type NotificationPayload, type DeliveryOutcome } from './runner';
export { taskToNotify } from './tasks';
export * from './due-dates';
