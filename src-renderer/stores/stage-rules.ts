import { defineStore } from 'pinia';
import { getMeta, META, putMeta } from '../db/meta';
import { requiredProperties, stageRuleKey, type LocalStageRules } from '../../shared/pipelines/stage-rules';
import { parseCommaList } from '../../shared/views';
import { useDb } from '../lib/db-key';
import { useLiveQuery } from '../lib/live-query';

/** Where the workspace keeps stage rules it defines itself (for CRMs that serve none). */
export const STAGE_RULES_META_KEY = META.stageRules.key;

/** Stage rules: served by the CRM (pipeline metadata) united with the workspace's own. */
export const useStageRulesStore = defineStore('stage-rules', () => {
  const db = useDb();
  const { value: local } = useLiveQuery<LocalStageRules>(async () => (await getMeta(db, META.stageRules)) ?? {}, {});

  function required(objectType: string, pipelineId: string, stage: { id: string; metadata: Record<string, string> }): string[] {
    return requiredProperties(objectType, pipelineId, stage, local.value);
  }

  function localRule(objectType: string, pipelineId: string, stageId: string): readonly string[] {
    return local.value[stageRuleKey(objectType, pipelineId, stageId)] ?? [];
  }

  /** Replaces the workspace's own rule of one stage; an empty list removes it. */
  async function setLocalRule(objectType: string, pipelineId: string, stageId: string, propertiesText: string): Promise<void> {
    await db.transaction('rw', db.meta, async () => {
      const current = { ...((await getMeta(db, META.stageRules)) ?? {}) };
      const list = parseCommaList(propertiesText);
      const key = stageRuleKey(objectType, pipelineId, stageId);
      if (list.length) current[key] = list;
      else delete current[key];
      await putMeta(db, META.stageRules, current);
    });
  }

  return { local, required, localRule, setLocalRule };
});
