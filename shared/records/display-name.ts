/**
 * The name a person knows a record by, from HubSpot's primary display properties per object
 * (companies `name`, contacts first + last name or email, deals `dealname`, tickets `subject`,
 * engagements their title/subject). Falls back to the type and id, never to an empty string.
 */
const NAME_PROPERTIES: Record<string, string[]> = {
  companies: ['name', 'domain'],
  deals: ['dealname'],
  tickets: ['subject'],
  tasks: ['hs_task_subject'],
  meetings: ['hs_meeting_title'],
  calls: ['hs_call_title'],
  emails: ['hs_email_subject'],
  notes: ['hs_note_body'],
  // Shared workspace documents (ARCHITECTURE.md) are known by their key, e.g. `view:…`.
  p_cs_workspace_docs: ['cs_doc_key'],
};

export function displayName(objectType: string, properties: Record<string, string | null | undefined>, id = ''): string {
  if (objectType === 'contacts') {
    const full = [properties.firstname, properties.lastname].filter((p) => p && p.trim()).join(' ');
    if (full) return full;
    if (properties.email) return properties.email;
  }
  for (const p of NAME_PROPERTIES[objectType] ?? ['name']) {
    const v = properties[p];
    if (v && v.trim()) return v.length > 80 ? `${v.slice(0, 77)}…` : v;
  }
  return `${objectType} ${id}`.trim();
}
