import { DRAIN_TIMEOUT_MS, expect, reconnectAndDrain, test } from './fixtures';
import { crm, type Wire, openFeed, syncSettled, pendingLabels, crmSearchOne, associated, openedLinks } from './feed-support';

test('offline, Create task and Create note from an item are pending and reach the CRM on reconnect, on the contact and its account', async ({
  page,
  context,
  workspace,
}) => {
  await openFeed(page, workspace);
  await context.setOffline(true);
  await expect(page.getByRole('status', { name: 'Sync status' })).toContainText('Offline');
  const item = page.getByRole('article').first();
  const contactId = (await item.getAttribute('data-contact-id')) ?? '';
  const accountId = (await item.getAttribute('data-account-id')) ?? '';

  await item.hover();
  await item.getByRole('button', { name: /^Create task for/ }).click();
  const taskForm = page.getByRole('dialog', { name: /^Create task for/ });
  const subject = `Feed follow-up ${contactId}`;
  await taskForm.getByRole('textbox', { name: 'Task title' }).fill(subject);
  await taskForm.getByRole('button', { name: 'Save' }).click();
  await expect(taskForm).toHaveCount(0);

  await item.hover();
  await item.getByRole('button', { name: /^Create note for/ }).click();
  const noteForm = page.getByRole('dialog', { name: /^Create note for/ });
  const note = `Feed note for ${contactId}`;
  await noteForm.getByRole('textbox', { name: 'Note' }).fill(note);
  await noteForm.getByRole('button', { name: 'Save' }).click();
  await expect(noteForm).toHaveCount(0);

  // Saved as pending: in the local outbox, not in the CRM.
  await expect.poll(() => pendingLabels(page)).toEqual(['associate', 'associate', 'associate', 'associate', 'create-note', 'create-task']);
  expect(await crmSearchOne(workspace, 'tasks', 'hs_task_subject', subject)).toBeUndefined();

  await reconnectAndDrain(page, context);
  expect(await pendingLabels(page)).toEqual([]);
  // The CRM's search index shows fresh records after a few seconds.
  await expect.poll(() => crmSearchOne(workspace, 'tasks', 'hs_task_subject', subject), { timeout: 20_000 }).toBeDefined();
  await expect.poll(() => crmSearchOne(workspace, 'notes', 'hs_note_body', note), { timeout: 20_000 }).toBeDefined();
  const taskId = await crmSearchOne(workspace, 'tasks', 'hs_task_subject', subject);
  const noteId = await crmSearchOne(workspace, 'notes', 'hs_note_body', note);
  expect(await associated(workspace, 'tasks', taskId ?? '', 'contacts')).toEqual([contactId]);
  expect(await associated(workspace, 'tasks', taskId ?? '', 'companies')).toEqual([accountId]);
  expect(await associated(workspace, 'notes', noteId ?? '', 'contacts')).toEqual([contactId]);
  expect(await associated(workspace, 'notes', noteId ?? '', 'companies')).toEqual([accountId]);
  await syncSettled(page);
});

test('Call and Send email hand tel: / mailto: links to the host and offer to log the call or email', async ({ page, workspace }) => {
  await openFeed(page, workspace);
  const item = page.getByRole('article').first();
  const contactId = (await item.getAttribute('data-contact-id')) ?? '';
  const contact = await crm<Wire>(workspace, `/crm/v3/objects/contacts/${contactId}?properties=phone,email,firstname,lastname`);

  await item.getByRole('button', { name: /^Call / }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => openedLinks(workspace)).toContain(`tel:${(contact.properties.phone ?? '').replace(/[^\d+]/g, '')}`);
  await page.getByRole('button', { name: 'Log call' }).click();
  const callForm = page.getByRole('dialog', { name: /^Log call with/ });
  const title = `Call with ${contact.properties.firstname ?? ''} ${contact.properties.lastname ?? ''} from the feed`;
  await callForm.getByRole('textbox', { name: 'Call title' }).fill(title);
  await callForm.getByRole('button', { name: 'Save' }).click();
  await expect(callForm).toHaveCount(0);

  await item.hover();
  await item.getByRole('button', { name: /^Send email to/ }).click();
  await expect.poll(async () => (await openedLinks(workspace)).some((l) => l.startsWith(`mailto:${contact.properties.email ?? ''}`))).toBe(true);
  await page.getByRole('button', { name: 'Log email' }).click();
  const emailForm = page.getByRole('dialog', { name: /^Log email to/ });
  await emailForm.getByRole('textbox', { name: 'Subject' }).fill('Following up from the feed');
  await emailForm.getByRole('button', { name: 'Save' }).click();
  await expect(emailForm).toHaveCount(0);

  // Online, the logged call and email reach the CRM on the contact.
  // The create and its association are separate intents: wait for the whole outbox to drain.
  await expect.poll(() => pendingLabels(page), { timeout: DRAIN_TIMEOUT_MS }).toEqual([]);
  // The search index lags writes by up to 10 s, as HubSpot's does.
  await expect.poll(() => crmSearchOne(workspace, 'calls', 'hs_call_title', title), { timeout: 20_000 }).toBeDefined();
  const callId = (await crmSearchOne(workspace, 'calls', 'hs_call_title', title)) ?? '';
  expect(await associated(workspace, 'calls', callId, 'contacts')).toEqual([contactId]);
  await syncSettled(page);
});
