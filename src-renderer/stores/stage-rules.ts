import { defineStore } from 'pinia';
import { metaValue } from '../db/queries/pipelines';
import { parsePropertyList, requiredProperties, stageRuleKey, type LocalStageRules } from '../../shared/pipelines/stage-rules';
import { useDb } from '../lib/db-key';
import { useLiveQuery } from '../lib/live-query';

/** Where the workspace keeps stage rules it defines itself (for CRMs that serve none). */
export const STAGE_RULES_META_KEY = 'pipelines.stageRules';

/** Stage rules: served by the CRM (pipeline metadata) united with the workspace's own. */
export const useStageRulesStore = defineStore('stage-rules', () => {
  const db = useDb();
  const { value: local } = useLiveQuery<LocalStageRules>(async () => (await metaValue<LocalStageRules>(db, STAGE_RULES_META_KEY)) ?? {}, {});

  function required(objectType: string, pipelineId: string, stage: { id: string; metadata: Record<string, string> }): string[] {
    return requiredProperties(objectType, pipelineId, stage, local.value);
  }

  function localRule(objectType: string, pipelineId: string, stageId: string): readonly string[] {
    return local.value[stageRuleKey(objectType, pipelineId, stageId)] ?? [];
  }

  /** Replaces the workspace's own rule of one stage; an empty list removes it. */
  async function setLocalRule(objectType: string, pipelineId: string, stageId: string, propertiesText: string): Promise<void> {
    await db.transaction('rw', db.meta, async () => {
      const current = { ...((await metaValue<LocalStageRules>(db, STAGE_RULES_META_KEY)) ?? {}) };
      const list = parsePropertyList(propertiesText);
      const key = stageRuleKey(objectType, pipelineId, stageId);
      if (list.length) current[key] = list;
      else delete current[key];
      await db.meta.put({ key: STAGE_RULES_META_KEY, value: current });
    });
  }

  return { local, required, localRule, setLocalRule };
});
