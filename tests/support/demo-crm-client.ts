import { Client } from '@hubspot/api-client';
import { afterAll, beforeAll } from 'vitest';
import { startTestDemoCrm, type TestDemoCrm } from './demo-crm';

/**
 * One test demo CRM for a whole file, started before its tests and stopped after them, with
 * HubSpot's official client pointed at it; `onStart` receives both once it is up.
 */
export function demoCrmWithClient(onStart: (crm: TestDemoCrm, client: Client) => void): void {
  let crm: TestDemoCrm | undefined;
  beforeAll(async () => {
    crm = await startTestDemoCrm();
    onStart(crm, new Client({ accessToken: crm.token, basePath: crm.url }));
  });
  afterAll(() => crm?.stop());
}
