/**
 * HubSpot scopes in plain words, for "this key lacks …" (the host names scope ids:
 * `missingScopesOf`, shared/hubspot/scopes.ts). Keys are the scope ids with `.` and `-` as `_`.
 */
export const scopeKey = (scope: string): string => scope.replace(/[.-]/g, '_');

export const scopeWords = {
  en: {
    crm_objects_companies_read: 'read companies (crm.objects.companies.read)',
    crm_objects_companies_write: 'edit companies (crm.objects.companies.write)',
    crm_objects_contacts_read: 'read contacts and activities (crm.objects.contacts.read)',
    crm_objects_contacts_write: 'edit contacts and activities (crm.objects.contacts.write)',
    crm_objects_deals_read: 'read deals (crm.objects.deals.read)',
    crm_objects_deals_write: 'edit deals (crm.objects.deals.write)',
    tickets: 'read and edit tickets (tickets)',
    crm_objects_owners_read: 'read record owners (crm.objects.owners.read)',
    crm_schemas_companies_read: 'read company properties (crm.schemas.companies.read)',
    crm_schemas_contacts_read: 'read contact properties (crm.schemas.contacts.read)',
    crm_schemas_deals_read: 'read deal properties (crm.schemas.deals.read)',
    settings_users_read: 'read the account’s users (settings.users.read)',
    sales_email_read: 'read logged emails (sales-email-read)',
  },
  pl: {
    crm_objects_companies_read: 'odczyt firm (crm.objects.companies.read)',
    crm_objects_companies_write: 'edycja firm (crm.objects.companies.write)',
    crm_objects_contacts_read: 'odczyt kontaktów i aktywności (crm.objects.contacts.read)',
    crm_objects_contacts_write: 'edycja kontaktów i aktywności (crm.objects.contacts.write)',
    crm_objects_deals_read: 'odczyt transakcji (crm.objects.deals.read)',
    crm_objects_deals_write: 'edycja transakcji (crm.objects.deals.write)',
    tickets: 'odczyt i edycja zgłoszeń (tickets)',
    crm_objects_owners_read: 'odczyt właścicieli rekordów (crm.objects.owners.read)',
    crm_schemas_companies_read: 'odczyt właściwości firm (crm.schemas.companies.read)',
    crm_schemas_contacts_read: 'odczyt właściwości kontaktów (crm.schemas.contacts.read)',
    crm_schemas_deals_read: 'odczyt właściwości transakcji (crm.schemas.deals.read)',
    settings_users_read: 'odczyt użytkowników konta (settings.users.read)',
    sales_email_read: 'odczyt zapisanych e-maili (sales-email-read)',
  },
};
