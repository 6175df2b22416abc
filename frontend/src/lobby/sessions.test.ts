import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardModel } from '../board/model';
import type { MessageKey } from '../i18n/i18n';
import { ACTIVITIES, phaseAllows, PHASES, WorkshopModel } from '../workshop/model';
import { SESSION_PLANS } from './sessions';
import { applyTemplate, TEMPLATES } from './templates';

const t = (key: MessageKey) => `«${key}»`;

describe('session plans (docs/rooms.md, "Phases")', () => {
  it('name only phases the app shows and activities the server knows', () => {
    for (const [template, plan] of Object.entries(SESSION_PLANS)) {
      expect(TEMPLATES as readonly string[]).toContain(template);
      for (const item of plan.agenda) {
        expect(PHASES as readonly string[]).toContain(item.phase);
        expect(plan.rules[item.phase], `${template}: the agenda's phase ${item.phase} has a rule`).toBeDefined();
      }
      for (const activities of Object.values(plan.rules)) for (const a of activities) expect(ACTIVITIES).toContain(a);
    }
  });

  it('are written into a new room with its agenda, and the phase under way narrows what participants do', () => {
    const doc = new Y.Doc();
    const fabio = new WorkshopModel(doc, { userId: 'fabio', role: 'facilitator' });
    const alice = new WorkshopModel(doc, { userId: 'alice', role: 'participant' });
    applyTemplate('skillsGap', new BoardModel(new Y.Doc(), { userId: 'fabio', role: 'facilitator' }), fabio, t);

    const s = alice.snapshot();
    expect(s.agenda.map((a) => a.phase)).toEqual(['silent', 'share', 'discuss', 'vote', 'decide', 'wrapup']);
    expect(s.agenda[0]).toMatchObject({ title: '«workshop.phase.silent»', minutes: 5, tpl: 'workshop.phase.silent' });
    expect(s.phaseRules.silent).toEqual(['private']);
    expect(s.allowed).toBeUndefined(); // no phase set yet: everything, as on the server

    fabio.startItem(0, 1_000);
    const silent = alice.snapshot();
    expect(silent.allowed).toEqual(['private']);
    expect(phaseAllows(silent, 'participant', 'add')).toBe(false);
    expect(phaseAllows(silent, 'participant', 'private')).toBe(true);
    expect(phaseAllows(silent, 'facilitator', 'add')).toBe(true);

    fabio.startItem(3, 2_000);
    expect(alice.snapshot().allowed).toEqual(['vote', 'ask']);
    fabio.setPhaseRule('vote', null);
    expect(alice.snapshot().allowed).toBeUndefined();
    expect(() => alice.setPhaseRule('vote', [])).toThrow();
  });
});
