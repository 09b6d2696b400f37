// Templates slice: the account's email templates for the Templates screen (list, the one being edited) and
// creating, saving and deleting them. The live preview's renders are not kept here (features/templates/
// use-live-render.ts owns that transient state). Owns: that list state. Must not: render or template anything.
import type { TemplateBody, TemplateDto, TemplateSummaryDto } from '../../../src-main/contract';
import { feedbackApi } from '../api/feedback-client';
import { screenError, type ScreenError } from './account-slice';
import { busyAction } from './busy-action';
import type { Slice } from './types';

export interface TemplatesSlice {
  templates: TemplateSummaryDto[];
  templatesLoaded: boolean;
  templatesError: ScreenError | null;
  templatesBusy: boolean;
  /** The template open in the editor; null = a new one. */
  openTemplate: TemplateDto | null;
  loadTemplates: () => Promise<void>;
  openTemplateByName: (name: string | null) => Promise<void>;
  /** Creates (no open template) or updates the open one; true when saved. */
  saveTemplate: (body: TemplateBody) => Promise<boolean>;
  deleteTemplate: (name: string) => Promise<boolean>;
}

export const createTemplatesSlice: Slice<TemplatesSlice> = (set, get) => {
  const act = busyAction(set, 'templatesBusy', 'templatesError');
  return {
    templates: [],
    templatesLoaded: false,
    templatesError: null,
    templatesBusy: false,
    openTemplate: null,

    loadTemplates: async () => {
      try {
        const list = await feedbackApi.templates();
        set({ templates: list.items, templatesLoaded: true, templatesError: null });
      } catch (err) {
        set({ templatesError: screenError(err), templatesLoaded: true });
      }
    },

    openTemplateByName: async (name) => {
      if (name === null) return set({ openTemplate: null, templatesError: null });
      await act(async () => set({ openTemplate: await feedbackApi.template(name) }));
    },

    saveTemplate: (body) =>
      act(async () => {
        const open = get().openTemplate;
        const saved = open ? await feedbackApi.updateTemplate(open.name, body) : await feedbackApi.createTemplate(body);
        set({ openTemplate: saved });
        await get().loadTemplates();
      }),

    deleteTemplate: (name) =>
      act(async () => {
        await feedbackApi.deleteTemplate(name);
        if (get().openTemplate?.name === name) set({ openTemplate: null });
        set({ templates: get().templates.filter((t) => t.name !== name) });
      }),
  };
};
