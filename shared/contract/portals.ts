import { z } from 'zod';

/**
 * A HubSpot portal connected on this computer (Settings → CRM connection lists them): its id,
 * who the app acts for there when known, and how the credential is held. Each has its own
 * credential in the host and its own local database in the renderer (docs/oauth.md).
 */
export const CrmPortal = z.object({
  portalId: z.number().int(),
  email: z.string().nullable(),
  auth: z.enum(['oauth', 'service-key', 'private-app']).nullable(),
  /** The portal the host is connected to now. */
  current: z.boolean(),
});

/** Settings → CRM connection → Switch: makes a connected portal (kept credential) the current one. */
export const CrmSwitchPortalRequest = z
  .object({
    portalId: z
      .number({ message: 'portalId must be a number' })
      .int({ message: 'portalId must be a HubSpot portal id (a whole number)' })
      .positive({ message: 'portalId must be a HubSpot portal id (a positive number)' }),
  })
  .strict();
