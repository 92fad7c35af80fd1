/**
 * Plays the system browser of a sign-in against the demo CRM: opens the authorize page,
 * follows the link of the chosen demo user, then follows the redirect to the app's loopback
 * listener. Returns the status the loopback answered.
 */
export async function demoBrowser(url: string, userId: string): Promise<number> {
  const page = await fetch(url);
  if (page.status !== 200) throw new Error(`authorize page: ${page.status}`);
  const html = await page.text();
  const href = new RegExp(`href="(/oauth/authorize/choose\\?[^"]*user_id=${userId}[^"]*)"`).exec(html)?.[1]?.replaceAll('&#38;', '&');
  if (!href) throw new Error(`no link for user ${userId}`);
  const chosen = await fetch(new URL(href, url), { redirect: 'manual' });
  const back = chosen.headers.get('location');
  if (!back) throw new Error(`no redirect: ${chosen.status}`);
  return (await fetch(back)).status;
}

/** A service key's scopes: everything the workspace reads except logged emails (`sales-email-read`). */
export const SCOPES_WITHOUT_EMAILS = [
  'crm.objects.companies.read',
  'crm.objects.contacts.read',
  'crm.objects.deals.read',
  'tickets',
  'crm.objects.owners.read',
  'settings.users.read',
];
