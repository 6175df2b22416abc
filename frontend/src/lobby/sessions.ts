import type { Activity } from '../workshop/model';

/**
 * How each template's session runs, as data (docs/rooms.md, "Phases"): its agenda (each item's phase and time box)
 * and what each phase lets participants do. Written into a new room's workshop document by the facilitator who
 * creates it; the room server enforces the rules from there, and the facilitator may change them in the Workshop tab.
 */
export interface SessionPlan {
  agenda: { phase: string; minutes: number }[];
  rules: Record<string, Activity[]>;
}

/** Silent ideation: each person on their own private board, nothing else, until the facilitator reveals. */
const SILENT: Activity[] = ['private'];

export const SESSION_PLANS: Record<string, SessionPlan> = {
  skillsGap: {
    agenda: [
      { phase: 'silent', minutes: 5 }, { phase: 'share', minutes: 10 }, { phase: 'discuss', minutes: 20 },
      { phase: 'vote', minutes: 10 }, { phase: 'decide', minutes: 10 }, { phase: 'wrapup', minutes: 5 },
    ],
    rules: {
      silent: SILENT,
      share: ['add', 'edit', 'private', 'ask'],
      discuss: ['add', 'edit', 'vote', 'ask', 'write'],
      vote: ['vote', 'ask'],
      decide: ['vote', 'ask', 'write'],
      wrapup: ['ask', 'write'],
    },
  },
  curriculumCoDesign: {
    agenda: [
      { phase: 'gather', minutes: 15 }, { phase: 'discuss', minutes: 25 }, { phase: 'vote', minutes: 10 },
      { phase: 'decide', minutes: 15 }, { phase: 'wrapup', minutes: 5 },
    ],
    rules: {
      gather: ['add', 'edit', 'private', 'ask', 'write'],
      discuss: ['add', 'edit', 'vote', 'ask', 'statements', 'write'],
      vote: ['vote', 'ask'],
      decide: ['edit', 'ask', 'write'],
      wrapup: ['ask', 'write'],
    },
  },
  policyDialogue: {
    agenda: [
      { phase: 'gather', minutes: 15 }, { phase: 'discuss', minutes: 25 }, { phase: 'vote', minutes: 10 },
      { phase: 'decide', minutes: 10 },
    ],
    rules: {
      gather: ['add', 'edit', 'ask', 'statements'],
      discuss: ['add', 'edit', 'vote', 'ask', 'statements', 'write'],
      vote: ['vote', 'ask', 'statements'],
      decide: ['vote', 'ask', 'write'],
    },
  },
  peerCounselling: {
    agenda: [
      { phase: 'share', minutes: 10 }, { phase: 'discuss', minutes: 20 }, { phase: 'silent', minutes: 10 },
      { phase: 'decide', minutes: 10 },
    ],
    rules: {
      share: ['add', 'edit', 'private', 'ask'],
      discuss: ['ask', 'add', 'edit', 'write'],
      silent: SILENT,
      decide: ['edit', 'vote', 'ask', 'write'],
    },
  },
};
