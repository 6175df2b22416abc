import type { BoardModel, NewObject } from '../board/model';
import { NOTE_COLORS } from '../board/model';
import type { MessageKey, Translate } from '../i18n/i18n';
import type { WorkshopModel } from '../workshop/model';

export const TEMPLATES = ['blank', 'skillsGap', 'policyDialogue', 'peerCounselling'] as const;
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

/** The board objects a template starts with, in the room creator's language. */
export function templateObjects(id: TemplateId, t: Translate): NewObject[] {
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
        note(30, 70, w('template.caseStarter'), NOTE_COLORS.yellow),
        note(970, 70, w('template.adviceStarter'), NOTE_COLORS.blue),
      ];
  }
}

/** Writes the template into a new room's board and agenda (the creator is its facilitator). */
export function applyTemplate(id: TemplateId, board: BoardModel, workshop: WorkshopModel, t: Translate): void {
  const objects = templateObjects(id, t);
  if (objects.length > 0) board.createMany(objects);
  if (id !== 'blank' && workshop.facilitator) {
    // Each item carries its phase: starting it from the session bar sets the room's phase and its time box.
    workshop.addAgendaItem(t('workshop.phase.gather'), 15, 'workshop.phase.gather', 'gather');
    workshop.addAgendaItem(t('workshop.phase.discuss'), 20, 'workshop.phase.discuss', 'discuss');
    workshop.addAgendaItem(t('workshop.phase.decide'), 10, 'workshop.phase.decide', 'decide');
  }
  board.undoManager.clear();
}
