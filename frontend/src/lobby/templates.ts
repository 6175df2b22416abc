import type { BoardModel, NewObject } from '../board/model';
import { NOTE_COLORS } from '../board/model';
import type { Translate } from '../i18n/i18n';
import type { WorkshopModel } from '../workshop/model';

export const TEMPLATES = ['blank', 'skillsGap', 'policyDialogue', 'peerCounselling'] as const;
export type TemplateId = (typeof TEMPLATES)[number];

function frame(x: number, y: number, w: number, h: number, text: string, color = '#f4f6f8'): NewObject {
  return { type: 'frame', x, y, w, h, text, color };
}

function note(x: number, y: number, text: string, color: string = NOTE_COLORS.yellow): NewObject {
  return { type: 'note', x, y, text, color };
}

/** The board objects a template starts with, in the room creator's language. */
export function templateObjects(id: TemplateId, t: Translate): NewObject[] {
  switch (id) {
    case 'blank':
      return [];
    case 'skillsGap':
      return [
        frame(0, 0, 520, 420, t('template.smeNeeds'), '#fff8e6'),
        frame(580, 0, 520, 420, t('template.vetOffers'), '#eef6ff'),
        note(30, 70, t('template.smeStarter'), NOTE_COLORS.orange),
        note(610, 70, t('template.vetStarter'), NOTE_COLORS.blue),
      ];
    case 'policyDialogue':
      return [
        frame(0, 0, 460, 420, t('template.statements'), '#f3f0ff'),
        frame(520, 0, 460, 420, t('template.questions'), '#eefaf0'),
        frame(0, 480, 980, 200, t('template.observers'), '#f4f6f8'),
        note(30, 70, t('template.statementStarter'), NOTE_COLORS.violet),
        note(550, 70, t('template.questionStarter'), NOTE_COLORS.green),
      ];
    case 'peerCounselling':
      return [
        frame(0, 0, 420, 420, t('template.case'), '#fff8e6'),
        frame(470, 0, 420, 420, t('template.questions'), '#eefaf0'),
        frame(940, 0, 420, 420, t('template.advice'), '#eef6ff'),
        note(30, 70, t('template.caseStarter'), NOTE_COLORS.yellow),
        note(970, 70, t('template.adviceStarter'), NOTE_COLORS.blue),
      ];
  }
}

/** Writes the template into a new room's board and agenda (the creator is its facilitator). */
export function applyTemplate(id: TemplateId, board: BoardModel, workshop: WorkshopModel, t: Translate): void {
  const objects = templateObjects(id, t);
  if (objects.length > 0) board.createMany(objects);
  if (id !== 'blank' && workshop.facilitator) {
    workshop.addAgendaItem(t('workshop.phase.gather'), 15);
    workshop.addAgendaItem(t('workshop.phase.discuss'), 20);
    workshop.addAgendaItem(t('workshop.phase.decide'), 10);
  }
  board.undoManager.clear();
}
