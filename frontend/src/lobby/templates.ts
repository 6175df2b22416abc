import type { BoardModel, NewObject } from '../board/model';
import { NOTE_COLORS } from '../board/model';
import { noteHeightFor } from '../board/textLayout';
import { CASE_NOTE_WIDTH } from '../community/caseNote';
import type { MessageKey, Translate } from '../i18n/i18n';
import type { WorkshopModel } from '../workshop/model';
import { SESSION_PLANS } from './sessions';

export const TEMPLATES = ['blank', 'skillsGap', 'curriculumCoDesign', 'policyDialogue', 'peerCounselling'] as const;
export type TemplateId = (typeof TEMPLATES)[number];

// Each text keeps its message key (tpl): every viewer sees it in their own language until someone edits it.
function frame(x: number, y: number, w: number, h: number, [text, tpl]: Written, color = '#f4f6f8'): NewObject {
  return { type: 'frame', x, y, w, h, text, tpl, color };
}

function note(x: number, y: number, [text, tpl]: Written, color: string = NOTE_COLORS.yellow): NewObject {
  return { type: 'note', x, y, text, tpl, color };
}

/** A message in the creator's language, with its key. */
type Written = [string, MessageKey];

/**
 * The board objects a template starts with, in the room creator's language. `caseText` (peer counselling opened
 * from a case, community/caseNote.ts) replaces the case frame's generic starter note: it is the member's own text,
 * so it carries no message key and stays as written for every viewer.
 */
export function templateObjects(id: TemplateId, t: Translate, caseText?: string): NewObject[] {
  const w = (key: MessageKey): Written => [t(key), key];
  switch (id) {
    case 'blank':
      return [];
    case 'skillsGap':
      return [
        frame(0, 0, 520, 420, w('template.smeNeeds'), '#fff8e6'),
        frame(580, 0, 520, 420, w('template.vetOffers'), '#eef6ff'),
        note(30, 70, w('template.smeStarter'), NOTE_COLORS.orange),
        note(610, 70, w('template.vetStarter'), NOTE_COLORS.blue),
      ];
    case 'curriculumCoDesign':
      return [
        frame(0, 0, 360, 420, w('template.knowledge'), '#eef6ff'),
        frame(400, 0, 360, 420, w('template.skills'), '#eefaf0'),
        frame(800, 0, 360, 420, w('template.autonomy'), '#f3f0ff'),
        frame(0, 460, 560, 260, w('template.workBased'), '#fff8e6'),
        frame(600, 460, 560, 260, w('template.assessment'), '#f4f6f8'),
        note(30, 70, w('template.outcomeStarter'), NOTE_COLORS.blue),
      ];
    case 'policyDialogue':
      return [
        frame(0, 0, 460, 420, w('template.statements'), '#f3f0ff'),
        frame(520, 0, 460, 420, w('template.questions'), '#eefaf0'),
        frame(0, 480, 980, 200, w('template.observers'), '#f4f6f8'),
        note(30, 70, w('template.statementStarter'), NOTE_COLORS.violet),
        note(550, 70, w('template.questionStarter'), NOTE_COLORS.green),
      ];
    case 'peerCounselling':
      return [
        frame(0, 0, 420, 420, w('template.case'), '#fff8e6'),
        frame(470, 0, 420, 420, w('template.questions'), '#eefaf0'),
        frame(940, 0, 420, 420, w('template.advice'), '#eef6ff'),
        caseText
          ? { type: 'note', x: 20, y: 70, w: CASE_NOTE_WIDTH, h: noteHeightFor(caseText, CASE_NOTE_WIDTH), text: caseText, color: NOTE_COLORS.yellow }
          : note(30, 70, w('template.caseStarter'), NOTE_COLORS.yellow),
        note(970, 70, w('template.adviceStarter'), NOTE_COLORS.blue),
      ];
  }
}

/**
 * Writes the template into a new room's board and workshop (the creator is its facilitator): its agenda, each item
 * with its phase (starting it from the session bar sets the phase and the time box), and what each phase allows.
 */
export function applyTemplate(id: TemplateId, board: BoardModel, workshop: WorkshopModel, t: Translate, caseText?: string): void {
  const objects = templateObjects(id, t, caseText);
  if (objects.length > 0) board.createMany(objects);
  const plan = SESSION_PLANS[id];
  if (plan && workshop.facilitator) {
    for (const item of plan.agenda) {
      const key = `workshop.phase.${item.phase}` as MessageKey;
      workshop.addAgendaItem(t(key), item.minutes, key, item.phase);
    }
    for (const [phase, activities] of Object.entries(plan.rules)) workshop.setPhaseRule(phase, activities);
  }
  board.undoManager.clear();
}
