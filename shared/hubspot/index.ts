export * as hubspot from './calls';
export type { HubspotCall, SearchBody, SearchFilter, ListOptions } from './calls';
export { crmCategory, crmMessage, parseAnswer, send, type CallError, type Sent } from './client';
export type { PortalUser, PropertyDefinition, PublicObject, ObjectSchema, ValueWithTimestamp } from './schemas';
export type { CrmPort, CrmRequest, CrmResponse, CrmResult } from './transport';
